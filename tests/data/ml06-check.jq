# ml06-check.jq -- compare cc-extract's tradelines of the MeridianLink
# sample report (ml06_report.pdf) with ml06_expected.json (MISMO values).
# Usage: jq -n -r --slurpfile x EXTRACTED --slurpfile e EXPECTED -f ml06-check.jq
# Prints one line per expected liability: "ok NAME ACCOUNT" or
# "MISMATCH NAME ACCOUNT field=expected/got ...".  A name printed wrapped
# is compared without its spaces; money in cents; the opened month.
def cents: if . == null or . == "" then null else (tonumber * 100 | floor) end;
def month: if . == null then null else .[0:7] end;
($x | map(select(.kind == "tradeline"))) as $t
| $e[0].liabilities[]
| . as $l
| ($l.FullName) as $name
| ($l.CreditLiabilityAccountIdentifier) as $acct
| [ $t[] | select((.creditor | gsub(" "; "")) == $name and .account_mask == $acct) ] as $m
| if ($m | length) == 0 then "MISSING \($name) \($acct)"
  else ($m[0]) as $g
  | [ (if $g.balance != ($l.CreditLiabilityUnpaidBalanceAmount | cents) then "balance=\($l.CreditLiabilityUnpaidBalanceAmount)/\($g.balance)" else empty end),
      (($l.CreditLiabilityCreditLimitAmount // $l.CreditLiabilityHighBalanceAmount) as $hc | if $g.high_balance != ($hc | cents) then "high_credit=\($hc)/\($g.high_balance)" else empty end),
      (if $g.payment != ($l.CreditLiabilityMonthlyPaymentAmount | cents) then "payment=\($l.CreditLiabilityMonthlyPaymentAmount)/\($g.payment)" else empty end),
      (if $g.opened != ($l.CreditLiabilityAccountOpenedDate | month) then "opened=\($l.CreditLiabilityAccountOpenedDate)/\($g.opened)" else empty end) ] as $bad
  | if ($bad | length) == 0 then "ok \($name) \($acct)" else "MISMATCH \($name) \($acct) \($bad | join(" "))" end
  end
