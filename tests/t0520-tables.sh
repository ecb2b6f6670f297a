#!/bin/sh
# cc-extract: account tables (lib/extract/table.c), on pages made by
# hand: a header of column headings over groups of lines, the codes under
# them (ECOA, rating, late counts, sources, bureau marks), lines of a
# group that start with their own label (a payment pattern, remarks), the
# header again at the top of the next page, a group cut by a page break,
# one-line summaries, and what is no table.
. "$(dirname "$0")/test-lib.sh"
test_need_prereq JQ
. "$SRCDIR/tests/lib-pages.sh"

# the fields most tests look at
F='.creditor, .account_mask, .responsibility, .opened, .reported, .balance, .high_balance, .limit, .past_due, .payment, .status, .type, .repositories, .negative, .reasons'

# joint_spec: the page of a report of two applicants (the tests of them)
joint_spec() {
	cat <<-\EOF
	56 83 220 99 12 b MORTGAGE CREDIT REPORT
	56 113 361 123 8 - FILE #: 3537-465212 DATE: 01/15/2026 REPOSITORIES: XP/TU/EF
	56 136 97 146 8 - APPLICANT
	222 136 238 146 8 - SSN
	389 136 405 146 8 - DOB
	56 145 161 155 8 - PRIYA F SAMPLE
	222 145 269 155 8 - XXX-XX-7102
	389 145 430 155 8 - XX/XX/2000
	56 169 94 179 8 - CURRENT:
	306 169 449 179 8 - 7251 MAPLE AVE, RIVERSIDE, CA 40289
	56 178 96 188 8 - PREVIOUS:
	306 178 470 188 8 - 8514 LAKE SHORE RD, ARLINGTON, VA 53967
	56 202 111 212 8 - CO-APPLICANT
	222 202 238 212 8 - SSN
	389 202 405 212 8 - DOB
	56 211 165 221 8 - SARAH Y SAMPLE
	222 211 269 221 8 - XXX-XX-3220
	389 211 430 221 8 - XX/XX/1995
	56 235 94 245 8 - CURRENT:
	306 235 449 245 8 - 7251 MAPLE AVE, RIVERSIDE, CA 40289
	56 268 138 280 10 b CREDIT ACCOUNTS
	56 317 93 327 8 - COMPANY
	174 317 245 327 8 - ACCOUNT NUMBER
	252 317 303 327 8 - ECOA/WHOSE
	310 317 330 327 8 - WHO
	369 317 422 327 8 - BALANCE
	465 317 501 327 8 - STATUS
	56 350 133 360 8 - LENDINGCLUB CORP
	174 350 216 360 8 - 1234XXXX
	252 350 265 360 8 - I / B
	369 350 390 360 8 - $100
	465 350 501 360 8 - CURRENT
	56 362 133 372 8 - BARCLAYS BANK
	174 362 216 372 8 - 5678XXXX
	252 362 265 372 8 - J / J
	369 362 390 372 8 - $200
	465 362 501 372 8 - CURRENT
	56 374 133 384 8 - SYNCB/LOWES
	174 374 216 384 8 - 9012XXXX
	252 374 265 384 8 - I / C
	369 374 390 384 8 - $300
	465 374 501 384 8 - CURRENT
	EOF
}

test_expect_success 'two header lines over groups of two lines: each value its column'"'"'s, codes read' '
	page twolines >pages <<-\EOF &&
	40 40 200 52 12 b MORTGAGE CREDIT REPORT
	40 70 90 80 8 - APPLICANT:
	120 70 180 80 8 - DOE, JOHN Q
	40 110 90 120 10 b TRADELINES
	40 125 78 135 8 - CREDITOR
	200 125 219 135 8 - ECOA
	240 125 269 135 8 - OPENED
	290 125 328 135 8 - REPORTED
	345 125 379 135 8 - HI CRDT
	395 125 409 135 8 - BAL
	440 125 478 135 8 - PAST DUE
	500 125 529 135 8 - STATUS
	40 136 69 146 8 - ACCT #
	200 136 214 146 8 - MOP
	240 136 259 146 8 - TYPE
	290 136 304 146 8 - PMT
	345 136 369 146 8 - LIMIT
	395 136 433 146 8 - 30/60/90
	470 136 499 146 8 - SOURCE
	40 152 88 162 8 - CHASE CARD
	200 152 205 162 8 - I
	240 152 264 162 8 - 03/19
	290 152 314 162 8 - 12/25
	345 152 369 162 8 - $5000
	395 152 419 162 8 - $1798
	440 152 450 162 8 - $0
	500 152 534 162 8 - CURRENT
	40 163 107 173 8 - 414720XXXXXXXX
	200 163 210 173 8 - R1
	240 163 254 173 8 - REV
	290 163 304 173 8 - $28
	345 163 369 173 8 - $5000
	395 163 433 173 8 - 00/00/00
	470 163 480 173 8 - EQ
	40 179 117 189 8 - WELLS FARGO AUTO
	200 179 205 189 8 - J
	240 179 264 189 8 - 06/21
	290 179 314 189 8 - 12/25
	345 179 374 189 8 - $22,000
	395 179 419 189 8 - $9,311
	440 179 459 189 8 - $320
	500 179 558 189 8 - 30 DAYS LATE
	40 190 78 200 8 - 5567XXXX
	200 190 210 200 8 - I2
	240 190 259 200 8 - INST
	290 190 309 200 8 - $450
	395 190 433 200 8 - 01/00/00
	470 190 484 200 8 - XP/TU
	40 206 131 216 8 - MIDLAND CREDIT MGMT
	200 206 205 216 8 - I
	240 206 264 216 8 - 01/22
	290 206 314 216 8 - 11/25
	345 206 369 216 8 - $1200
	395 206 419 216 8 - $1200
	440 206 464 216 8 - $1200
	500 206 548 216 8 - COLLECTION
	40 217 83 227 8 - 88123XXXX
	200 217 210 227 8 - O9
	240 217 259 227 8 - COLL
	470 217 480 227 8 - TU
	40 228 78 238 8 - REMARKS:
	90 228 191 238 8 - PLACED FOR COLLECTION
	40 260 83 270 10 b INQUIRIES
	EOF
	cc-extract pages >out 2>err &&
	tradelines "$F, .remarks" <out >got &&
	cat >expect <<-\EOF &&
	["CHASE CARD","414720XXXXXXXX","individual","2019-03","2025-12",179800,500000,500000,0,2800,"CURRENT","revolving",["equifax"],false,[],null]
	["WELLS FARGO AUTO","5567XXXX","joint","2021-06","2025-12",931100,2200000,null,32000,45000,"30 DAYS LATE","installment",["experian","transunion"],true,["late_30"],null]
	["MIDLAND CREDIT MGMT","88123XXXX","individual","2022-01","2025-11",120000,120000,null,120000,null,"COLLECTION","collection",["transunion"],true,["collection"],"PLACED FOR COLLECTION"]
	EOF
	test_cmp expect got
'

test_expect_success 'late counts and a rating say what the status does not: the worst late, a charge-off' '
	page codes >pages <<-\EOF &&
	40 110 90 120 10 b TRADELINES
	40 125 78 135 8 - CREDITOR
	160 125 190 135 8 - ACCT #
	260 125 280 135 8 - BAL
	300 125 320 135 8 - RATE
	340 125 388 135 8 - 30-60-90
	420 125 450 135 8 - STATUS
	40 140 90 150 8 - ACME BANK
	160 140 200 150 8 - 1234XXXX
	260 140 280 150 8 - $10
	300 140 310 150 8 - R1
	340 140 380 150 8 - 02/01/00
	420 140 450 150 8 - CURRENT
	40 152 90 162 8 - BETA LOANS
	160 152 200 162 8 - 5678XXXX
	260 152 280 162 8 - $900
	300 152 310 162 8 - I9
	340 152 380 162 8 - 00/00/00
	420 152 450 162 8 - CLOSED
	40 164 90 174 8 - GAMMA CARD
	160 164 200 174 8 - 9012XXXX
	260 164 280 174 8 - $0
	300 164 310 174 8 - R1
	340 164 380 174 8 - 00/00/00
	420 164 450 174 8 - PAID
	EOF
	cc-extract pages 2>/dev/null | tradelines ".creditor, .balance, .negative, .reasons" >got &&
	cat >expect <<-\EOF &&
	["ACME BANK",1000,true,["late_60"]]
	["BETA LOANS",90000,true,["charge_off"]]
	["GAMMA CARD",0,false,[]]
	EOF
	test_cmp expect got
'

test_expect_success 'columns of one late count each, and of bureau marks (XP TU EF); the account'"'"'s number before it dropped' '
	page marks >pages <<-\EOF &&
	40 110 90 120 10 b ACCOUNTS
	40 125 50 135 8 - #
	60 125 98 135 8 - CREDITOR
	200 125 230 135 8 - BALANCE
	260 125 270 135 8 - 30
	285 125 295 135 8 - 60
	310 125 325 135 8 - 90+
	350 125 360 135 8 - XP
	370 125 380 135 8 - TU
	390 125 400 135 8 - EF
	420 125 450 135 8 - STATUS
	40 140 55 150 8 - 001
	60 140 110 150 8 - ACME BANK
	200 140 230 150 8 - $1,000
	260 140 265 150 8 - 0
	285 140 290 150 8 - 1
	310 140 315 150 8 - 0
	350 140 355 150 8 - X
	390 140 395 150 8 - X
	420 140 450 150 8 - OPEN
	40 152 55 162 8 - 002
	60 152 110 162 8 - BETA LOANS
	200 152 230 162 8 - $2,000
	260 152 265 162 8 - 0
	285 152 290 162 8 - 0
	310 152 315 162 8 - 0
	370 152 375 162 8 - X
	420 152 450 162 8 - OPEN
	EOF
	cc-extract pages 2>/dev/null | tradelines ".creditor, .balance, .repositories, .reasons" >got &&
	cat >expect <<-\EOF &&
	["ACME BANK",100000,["equifax","experian"],["late_60"]]
	["BETA LOANS",200000,["transunion"],[]]
	EOF
	test_cmp expect got
'

test_expect_success 'payment patterns: C marks paid, a digit its months late (Metro 2); without C or 0, 1 is paid and 2 30 days late' '
	page metro >pages <<-\EOF &&
	40 110 90 120 10 b TRADELINES
	40 125 78 135 8 - CREDITOR
	160 125 190 135 8 - ACCT #
	260 125 280 135 8 - BAL
	300 125 330 135 8 - STATUS
	340 125 360 135 8 - TYPE
	380 125 400 135 8 - LIMIT
	40 140 90 150 8 - ACME BANK
	160 140 200 150 8 - 1234XXXX
	260 140 280 150 8 - $10
	300 140 330 150 8 - CURRENT
	40 152 80 162 8 - HISTORY:
	90 152 160 162 8 - 12/25 C1CX
	EOF
	cc-extract pages 2>/dev/null | history >got &&
	echo "-: 2025-12=OK 2025-11=30 2025-10=OK 2025-09=ND" >expect &&
	test_cmp expect got &&
	sed "s/C1CX/1211/" pages >pages2 &&
	cc-extract pages2 2>/dev/null | history >got &&
	echo "-: 2025-12=OK 2025-11=30 2025-10=OK 2025-09=OK" >expect &&
	test_cmp expect got
'

test_expect_success 'the header again at the top of the next page passed over; a group cut by the page break goes on there' '
	page split 300 >pages <<-\EOF &&
	40 110 90 120 10 b TRADELINES
	40 125 78 135 8 - CREDITOR
	200 125 230 135 8 - OPENED
	300 125 320 135 8 - BAL
	400 125 430 135 8 - STATUS
	40 136 69 146 8 - ACCT #
	200 136 230 146 8 - PMT
	300 136 330 146 8 - LIMIT
	40 152 90 162 8 - ACME BANK
	200 152 230 162 8 - 03/19
	300 152 330 162 8 - $1,000
	400 152 430 162 8 - OPEN
	40 163 90 173 8 - 1234XXXX
	200 163 230 173 8 - $25
	300 163 330 173 8 - $5,000
	40 260 90 270 8 - BETA LOANS
	200 260 230 270 8 - 05/20
	300 260 330 270 8 - $2,000
	400 260 430 270 8 - OPEN
	--
	40 20 78 30 8 - CREDITOR
	200 20 230 30 8 - OPENED
	300 20 320 30 8 - BAL
	400 20 430 30 8 - STATUS
	40 31 69 41 8 - ACCT #
	200 31 230 41 8 - PMT
	300 31 330 41 8 - LIMIT
	40 50 90 60 8 - 5678XXXX
	200 50 230 60 8 - $60
	300 50 330 60 8 - $9,000
	40 62 90 72 8 - GAMMA CARD
	200 62 230 72 8 - 07/21
	300 62 330 72 8 - $3,000
	400 62 430 72 8 - OPEN
	40 73 90 83 8 - 9012XXXX
	200 73 230 83 8 - $75
	300 73 330 83 8 - $7,500
	EOF
	cc-extract pages 2>/dev/null | tradelines ".creditor, .account_mask, .opened, .balance, .payment, .limit" >got &&
	cat >expect <<-\EOF &&
	["ACME BANK","1234XXXX","2019-03",100000,2500,500000]
	["BETA LOANS","5678XXXX","2020-05",200000,6000,900000]
	["GAMMA CARD","9012XXXX","2021-07",300000,7500,750000]
	EOF
	test_cmp expect got
'

test_expect_success 'one line an account (a summary table); "CREDITOR / ACCT #" over the name and the number in one cell' '
	page summary >pages <<-\EOF &&
	40 110 120 120 10 b Your accounts
	40 125 130 135 8 - CREDITOR / ACCT #
	250 125 280 135 8 - Type
	320 125 360 135 8 - Balance
	400 125 450 135 8 - Status
	40 140 170 150 8 - ACME BANK 1234XXXX
	250 140 290 150 8 - Revolving
	320 140 360 150 8 - $1,000
	400 140 460 150 8 - Pays as agreed
	40 152 170 162 8 - BETA LOANS 5678XXXX
	250 152 290 162 8 - Installment
	320 152 360 162 8 - $2,000
	400 152 460 162 8 - Charge off
	EOF
	cc-extract pages 2>/dev/null | tradelines ".creditor, .account_mask, .type, .balance, .status, .negative" >got &&
	cat >expect <<-\EOF &&
	["ACME BANK","1234XXXX","revolving",100000,"Pays as agreed",false]
	["BETA LOANS","5678XXXX","installment",200000,"Charge off",true]
	EOF
	test_cmp expect got
'

test_expect_success 'OCR: values a few points off their headings, two values read as one line, read by their words' '
	page ocr >pages <<-\EOF &&
	40 110 90 120 10 b TRADELINES
	40 125 78 135 8 - CREDITOR
	160 125 190 135 8 - ACCT #
	250 125 270 135 8 - BAL
	290 125 320 135 8 - PMT
	340 125 370 135 8 - STATUS
	43 141 93 151 8 - ACME BANK
	157 139 197 149 8 - 1234XXXX
	246 141 320 151 8 - $1,000 $25
	343 140 373 150 8 - OPEN
	EOF
	cc-extract pages 2>/dev/null | tradelines ".creditor, .account_mask, .balance, .payment, .status" >got &&
	echo "[\"ACME BANK\",\"1234XXXX\",100000,2500,\"OPEN\"]" >expect &&
	test_cmp expect got
'

test_expect_success 'no table: a summary by type (its first heading no creditor), three labels over values' '
	page notable >pages <<-\EOF &&
	40 100 120 110 10 b Summary
	40 125 70 135 8 - TYPE
	150 125 170 135 8 - BAL
	250 125 290 135 8 - PAST DUE
	350 125 380 135 8 - LIMIT
	40 140 90 150 8 - REVOLVING
	150 140 180 150 8 - $1,000
	250 140 260 150 8 - $0
	350 140 380 150 8 - $5,000
	40 152 90 162 8 - TOTAL
	150 152 180 162 8 - $1,000
	250 152 260 162 8 - $0
	350 152 380 162 8 - $5,000
	EOF
	cc-extract pages 2>/dev/null | tradelines ".creditor" >got &&
	test ! -s got
'

test_expect_success 'a header under a section of no accounts opens them; a heading no vocabulary knows passed over; dashes under the header, a running head between groups' '
	page other >pages <<-\EOF &&
	40 100 120 110 10 b CREDIT SCORES
	40 112 200 122 8 - EQUIFAX BEACON 5.0 SCORE 669
	40 140 78 150 8 - CREDITOR
	160 140 190 150 8 - ACCT #
	250 140 270 150 8 - BAL
	290 140 320 150 8 - SPCL CMT
	340 140 370 150 8 - STATUS
	400 140 420 150 8 - ECOA
	420 140 430 150 8 - CD
	40 150 430 160 8 - ----------------------------------------------------------------
	40 165 90 175 8 - ACME BANK
	160 165 200 175 8 - 1234XXXX
	250 165 280 175 8 - $1,000
	290 165 300 175 8 - AU
	340 165 370 175 8 - OPEN
	400 165 405 175 8 - A
	40 180 200 190 8 - FILE #1234 DOE, JOHN
	40 195 90 205 8 - BETA LOANS
	160 195 200 205 8 - 5678XXXX
	250 195 280 205 8 - $2,000
	340 195 370 205 8 - CLOSED
	400 195 405 205 8 - J
	EOF
	cc-extract pages 2>/dev/null | tradelines ".creditor, .account_mask, .balance, .status, .responsibility" >got &&
	cat >expect <<-\EOF &&
	["ACME BANK","1234XXXX",100000,"OPEN","authorized_user"]
	["BETA LOANS","5678XXXX",200000,"CLOSED","joint"]
	EOF
	test_cmp expect got
'

test_expect_success 'no table: pairs in a row of capitals ("CREDITOR CAPITAL ONE NOTES UNPAID BALANCE") and of mixed case with values in capitals' '
	page pairs >pages <<-\EOF &&
	40 100 120 110 10 b ACCOUNTS
	40 120 90 130 8 - CREDITOR
	100 120 160 130 8 - CAPITAL ONE
	200 120 230 130 8 - NOTES
	240 120 300 130 8 - UNPAID BALANCE
	40 132 90 142 8 - BALANCE
	100 132 160 142 8 - $1,000
	200 132 230 142 8 - STATUS
	240 132 300 142 8 - OPEN
	40 160 90 170 8 - Account name
	100 160 160 170 8 - DISCOVER BANK
	200 160 230 170 8 - Comments
	240 160 300 170 8 - ACCOUNT CLOSED AT
	310 160 340 170 8 - Balance
	350 160 380 170 8 - $20
	40 172 90 182 8 - Status
	100 172 160 182 8 - Closed
	EOF
	cc-extract pages 2>/dev/null | tradelines ".creditor, .balance" >got &&
	cat >expect <<-\EOF &&
	["CAPITAL ONE",100000]
	["DISCOVER BANK",2000]
	EOF
	test_cmp expect got
'

test_expect_success 'headings run together ("REPORTED DATE CLOSED", "PAYMENT 1ST DELQ"); values run together ("$0 --/----"), split by what fits; thousands ($5K); a remark that wraps' '
	page run >pages <<-\EOF &&
	40 100 120 110 10 b TRADELINES
	40 120 110 130 8 - CREDITOR NAME
	160 120 240 130 8 - REPORTED DATE CLOSED
	260 120 330 130 8 - PAYMENT 1ST DELQ
	340 120 370 130 8 - HI CRDT
	400 120 430 130 8 - STATUS
	40 140 100 150 8 - ACME BANK
	160 140 236 150 8 - 01/2026 01/2025
	262 140 330 150 8 - $25 --/----
	345 140 365 150 8 - $5K
	400 140 440 150 8 - PAID/CLOSED
	40 151 540 161 8 - REMARKS: ACCOUNT CLOSED AT CONSUMER'"'"'S REQUEST; CONSUMER DISPUTES THIS ACCOUNT
	30 161 90 171 8 - INFORMATION
	40 175 100 185 8 - BETA LOANS
	160 175 190 185 8 - 12/2025
	262 175 330 185 8 - $0 08/2024
	345 175 365 185 8 - 12K
	400 175 440 185 8 - CHG OFF
	EOF
	cc-extract pages 2>/dev/null | tradelines ".creditor, .reported, .closed, .payment, .dofd, .high_balance, .status, .status_code, .reasons, .remarks" >got &&
	cat >expect <<-\EOF &&
	["ACME BANK","2026-01","2025-01",2500,null,500000,"PAID/CLOSED","13",[],"ACCOUNT CLOSED AT CONSUMER'"'"'S REQUEST; CONSUMER DISPUTES THIS ACCOUNT INFORMATION"]
	["BETA LOANS","2025-12",null,0,"2024-08",1200000,"CHG OFF","97",["charge_off"],null]
	EOF
	test_cmp expect got
'

test_expect_success 'the lenders'"'"' statuses: CUR WAS 60 gives its late, COLL ACCT a collection, the type from the rating'"'"'s letter, a settled account'"'"'s 9 no charge-off' '
	page statuses >pages <<-\EOF &&
	40 100 120 110 10 b TRADELINES
	40 120 78 130 8 - CREDITOR
	160 120 190 130 8 - ACCT #
	250 120 270 130 8 - BAL
	290 120 310 130 8 - MOP
	340 120 370 130 8 - STATUS
	40 135 90 145 8 - ACME BANK
	160 135 200 145 8 - 1234XXXX
	250 135 270 145 8 - $10
	290 135 300 145 8 - R1
	340 135 400 145 8 - CUR WAS 60
	40 147 90 157 8 - CMRE FINANCIAL
	160 147 200 157 8 - 5678XXXX
	250 147 270 157 8 - $400
	290 147 300 157 8 - O9
	340 147 400 157 8 - COLL ACCT
	40 159 90 169 8 - GAMMA LOANS
	160 159 200 169 8 - 9012XXXX
	250 159 270 169 8 - $0
	290 159 300 169 8 - I9
	340 159 400 169 8 - SETTLED
	EOF
	cc-extract pages 2>/dev/null | tradelines ".creditor, .type, .status_code, .reasons" >got &&
	cat >expect <<-\EOF &&
	["ACME BANK","revolving","11",["late_60"]]
	["CMRE FINANCIAL","collection","93",["collection"]]
	["GAMMA LOANS","installment","13",["settled"]]
	EOF
	test_cmp expect got
'

test_expect_success 'public records as a table, the court wrapped in its column; inquiries with a bureau'"'"'s code in a column of its own' '
	page courts >pages <<-\EOF &&
	40 100 130 110 10 b COURT RECORDS
	49 120 70 130 8 - TYPE
	134 120 158 130 8 - FILED
	220 120 264 130 8 - RESOLVED
	306 120 343 130 8 - AMOUNT
	391 120 432 130 8 - DOCKET #
	477 120 506 130 8 - COURT
	49 140 126 150 8 - BANKRUPTCY CH 7
	134 140 162 150 8 - 05/2016
	220 140 223 150 8 - -
	306 140 308 150 8 - -
	391 140 438 150 8 - 17-BK-12829
	477 140 547 150 8 - US BANKRUPTCY
	477 150 554 160 8 - COURT NORTHERN
	477 160 515 170 8 - DISTRICT
	49 180 100 190 8 - CIVIL JUDGMENT
	134 180 162 190 8 - 03/2021
	220 180 250 190 8 - 09/2021
	306 180 340 190 8 - $4,200
	391 180 438 190 8 - 21-CV-00417
	477 180 547 190 8 - COUNTY COURT
	40 210 200 220 10 b INQUIRIES - LAST 24 MONTHS
	48 230 85 240 8 - CREDITOR
	220 230 240 240 8 - DATE
	392 230 421 240 8 - SOURCE
	48 245 119 255 8 - VERIZON WIRELESS
	220 245 237 255 8 - 07/25
	392 245 402 255 8 - TU
	EOF
	cc-extract pages 2>/dev/null >out &&
	jq -c "select(.kind==\"public_record\") | [.type, .court, .reference, .filed, .resolved, .amount]" out >got &&
	jq -c "select(.kind==\"inquiry\") | [.creditor, .date, .bureau]" out >>got &&
	cat >expect <<-\EOF &&
	["bankruptcy_7","US BANKRUPTCY COURT NORTHERN DISTRICT","17-BK-12829","2016-05",null,null]
	["judgment","COUNTY COURT","21-CV-00417","2021-03","2021-09",420000]
	["VERIZON WIRELESS","2025-07","transunion"]
	EOF
	test_cmp expect got
'

test_expect_success 'values of two columns run together split where each is one of its column'"'"'s ("REVOLVING CREDIT CARD", "I INST", "11/25 -"); a name that runs on under the next heading' '
	page runon >pages <<-\EOF &&
	40 100 120 110 10 b TRADELINES
	59 120 92 130 8 - CREDITOR
	172 120 193 130 8 - WHOSE
	229 120 288 130 8 - KIND ACCT DESC
	304 120 333 130 8 - OPEN DT
	345 120 426 130 8 - DT RPTD CLOSED
	440 120 470 130 8 - BAL
	59 140 92 150 8 - PNC BANK
	188 140 193 150 8 - I
	208 140 297 150 8 - REVOLVING CREDIT CARD
	304 140 333 150 8 - 07/2012
	350 140 385 150 8 - 11/25 -
	440 140 460 150 8 - $10
	59 152 240 162 8 - TOYOTA MOTOR CREDIT CORP I INST
	250 152 297 162 8 - AUTOMOBILE
	304 152 333 162 8 - 03/2020
	350 152 410 162 8 - 12/25 06/25
	440 152 460 162 8 - $0
	EOF
	cc-extract pages 2>/dev/null | tradelines ".creditor, .responsibility, .type, .loan_type, .opened, .reported, .closed" >got &&
	cat >expect <<-\EOF &&
	["PNC BANK","individual","revolving","credit_card","2012-07","2025-11",null]
	["TOYOTA MOTOR CREDIT CORP","individual","installment","auto","2020-03","2025-12","2025-06"]
	EOF
	test_cmp expect got
'

test_expect_success 'a group'"'"'s "HISTORY:" line at the foot of two pages, the same words and height on both, is no running foot' '
	page foot 300 >pages <<-\EOF &&
	40 40 120 50 10 b TRADELINES
	40 60 78 70 8 - CREDITOR
	160 60 190 70 8 - ACCT #
	250 60 270 70 8 - BAL
	300 60 330 70 8 - STATUS
	380 60 400 70 8 - TYPE
	40 250 90 260 8 - ACME BANK
	160 250 200 260 8 - 1234XXXX
	250 250 270 260 8 - $10
	300 250 330 260 8 - CURRENT
	380 250 400 260 8 - REV
	40 275 200 285 8 - HISTORY: 12/25 111111111111111111111111
	--
	40 60 78 70 8 - CREDITOR
	160 60 190 70 8 - ACCT #
	250 60 270 70 8 - BAL
	300 60 330 70 8 - STATUS
	380 60 400 70 8 - TYPE
	40 250 90 260 8 - BETA LOANS
	160 250 200 260 8 - 5678XXXX
	250 250 270 260 8 - $20
	300 250 330 260 8 - CURRENT
	380 250 400 260 8 - INST
	40 275 200 285 8 - HISTORY: 12/25 111111111111111111111111
	EOF
	cc-extract pages 2>/dev/null | tradelines ".creditor, (.history | length)" >got &&
	cat >expect <<-\EOF &&
	["ACME BANK",24]
	["BETA LOANS",24]
	EOF
	test_cmp expect got
'

test_expect_success 'OCR: headings read without their spaces ("BALDUE", "AMTPASTDUE", "CRLIM") and specks between headings' '
	page ocrhead <<-\EOF | ocr >pages &&
	40 100 120 110 10 - TRADELINES
	56 120 91 126 8 - COMPANY
	191 120 217 126 8 - WHOSE
	237 116 304 130 8 - TYPE _— OPEN DT
	365 120 395 126 8 - DT RPTD
	56 129 122 134 8 - ACCOUNT NUMBER
	191 129 214 134 8 - CRLIM
	237 129 383 134 8 - BALDUE AMTPASTDUE MO PMT RATE
	56 150 120 156 8 - ACME BANK
	191 150 196 156 8 - I
	237 150 256 156 8 - REV
	273 150 292 156 8 - 03/25
	365 150 384 156 8 - 11/25
	56 159 100 164 8 - 1234XXXX
	191 159 215 164 8 - $5000
	237 159 256 164 8 - $2662
	300 159 310 164 8 - $0
	333 159 345 164 8 - $25
	365 159 374 164 8 - R1
	EOF
	cc-extract pages 2>/dev/null | tradelines ".creditor, .account_mask, .type, .opened, .reported, .limit, .balance, .past_due, .payment" >got &&
	echo "[\"ACME BANK\",\"1234XXXX\",\"revolving\",\"2025-03\",\"2025-11\",500000,266200,0,2500]" >expect &&
	test_cmp expect got
'

test_expect_success 'an accounts section that gives no account, and says not that it has none: said on stderr, and a warning record with its page; "*** NONE ***" is none' '
	page unread >pages <<-\EOF &&
	40 40 200 52 12 b MORTGAGE CREDIT REPORT
	40 70 90 80 8 - APPLICANT:
	120 70 180 80 8 - DOE, JOHN Q
	40 110 90 120 10 b TRADELINES
	40 125 78 135 8 - QQQ
	200 125 219 135 8 - ZZZ
	40 140 78 150 8 - 123
	200 140 219 150 8 - 456
	EOF
	cc-extract pages >out 2>err &&
	jq -c "select(.kind==\"warning\")" out >got &&
	echo "{\"kind\":\"warning\",\"v\":1,\"stage\":\"extract\",\"doc\":\"unread\",\"path\":\"unread\",\"page\":1,\"code\":\"extract.no_accounts\",\"message\":\"an accounts section, but no account read\"}" >expect &&
	test_cmp expect got &&
	grep "^cc-extract: unread: page 1: an accounts section, but no account read: a design cc-extract cannot read$" err &&
	sed "s/QQQ/*** NONE ***/" pages >pages2 &&
	cc-extract pages2 >out 2>err &&
	! grep -q warning out &&
	! grep -q "no account read" err
'

test_expect_success 'two applicants: a co-applicant'"'"'s block, its CURRENT: address, the report'"'"'s number and date its too; a WHO column (B, C, J) and an ECOA/WHOSE pair ("I / C"): consumers 1 and 2, each account'"'"'s applicants' '
	joint_spec >joint.spec &&
	page joint <joint.spec >pages &&
	cc-extract pages 2>/dev/null >out &&
	jq -c "select(.kind==\"consumer\") | [.applicant, .name, .ssn_last4, .birth_year, .addresses, .report_number, .report_date]" out >got &&
	jq -c "select(.kind==\"tradeline\") | [.creditor, .responsibility, .applicants]" out >>got &&
	cat >expect <<-\EOF &&
	[1,"PRIYA F SAMPLE","7102",2000,["7251 MAPLE AVE, RIVERSIDE, CA 40289","8514 LAKE SHORE RD, ARLINGTON, VA 53967"],"3537-465212","2026-01-15"]
	[2,"SARAH Y SAMPLE","3220",1995,["7251 MAPLE AVE, RIVERSIDE, CA 40289"],"3537-465212","2026-01-15"]
	["LENDINGCLUB CORP","individual",[1]]
	["BARCLAYS BANK","joint",[1,2]]
	["SYNCB/LOWES","individual",[2]]
	EOF
	test_cmp expect got &&
	sed "/CO-APPLICANT/,/XX\/XX\/1995/d" joint.spec | page one >one &&
	cc-extract one 2>/dev/null | jq -c "select(.kind==\"tradeline\") | .applicants" | sort -u >got &&
	echo null >expect &&
	test_cmp expect got
'

test_expect_success 'a lender'"'"'s file line: a value run into the next label of the consumer'"'"'s, no colon ("5922-715779 DATE COMPLETED 01/15/2026"), cut there; a date before a label of no vocabulary'"'"'s ("01/15/2026 REPOSITORIES: EQ"); YOB over a year' '
	page fileline >pages <<-\EOF &&
	53 126 398 138 8 - FILE NO. 5922-715779 DATE COMPLETED 01/15/2026 REPOSITORIES USED XP/TU/EF
	53 153 100 164 8 - APPLICANT
	222 153 238 164 8 - SSN
	392 153 406 164 8 - YOB
	53 162 161 172 8 - PRIYA F SAMPLE
	222 162 269 172 8 - XXX-XX-7102
	392 162 407 172 8 - 2001
	EOF
	cc-extract pages 2>/dev/null | jq -c "select(.kind==\"consumer\") | [.name, .ssn_last4, .birth_year, .report_number, .report_date]" >got &&
	echo "[\"PRIYA F SAMPLE\",\"7102\",2001,\"5922-715779\",\"2026-01-15\"]" >expect &&
	test_cmp expect got &&
	sed "s/FILE NO. 5922-715779 DATE COMPLETED 01\/15\/2026 REPOSITORIES USED XP\/TU\/EF/FILE #: 5922-715779 DATE: 01\/15\/2026 REPOSITORIES: EQ\/EX\/TU/" pages >pages2 &&
	cc-extract pages2 2>/dev/null | jq -c "select(.kind==\"consumer\") | [.report_number, .report_date]" >got &&
	echo "[\"5922-715779\",\"2026-01-15\"]" >expect &&
	test_cmp expect got &&
	sed "s/FILE NO. 5922-715779 DATE COMPLETED 01\/15\/2026 REPOSITORIES USED XP\/TU\/EF/REF #: 2769-377499 DATE ORDERED: 01\/15\/2026 BUREAUS: EQ\/EX\/TU/" pages >pages3 &&
	cc-extract pages3 2>/dev/null | jq -c "select(.kind==\"consumer\") | [.report_number, .report_date]" >got &&
	echo "[\"2769-377499\",\"2026-01-15\"]" >expect &&
	test_cmp expect got
'

test_expect_success 'two applicants end to end: cc-extract | cc-dispute disputes each applicant'"'"'s accounts and the joint one in that applicant'"'"'s own dispute' '
	# the report of two applicants, its accounts charged off, at
	# Equifax (a SOURCE column for the WHO one)
	{
		joint_spec | sed -e "s/- WHO\$/- SOURCE/" -e "s/- CURRENT\$/- CHARGE OFF/" &&
		cat <<-\EOF
		310 350 330 360 8 - EQ
		310 362 330 372 8 - EQ
		310 374 330 384 8 - EQ
		EOF
	} | page j >pages &&
	cc-extract pages 2>/dev/null | cc-dispute 2>err |
		jq -c "select(.kind==\"dispute\") | [.applicant, .bureau, .consumer.name, [.items[].creditor]]" >got &&
	cat >expect <<-\EOF &&
	[1,"equifax","PRIYA F SAMPLE",["BARCLAYS BANK","LENDINGCLUB CORP"]]
	[2,"equifax","SARAH Y SAMPLE",["BARCLAYS BANK","SYNCB/LOWES"]]
	EOF
	test_cmp expect got
'

test_expect_success 'a header at a page'"'"'s foot, printed again atop the next; a header line of one heading; a cut name run into its code ("HOME M J")' '
	page foot2 300 >pages <<-\EOF &&
	40 200 120 210 10 b TRADE ACCOUNTS
	43 250 90 260 8 - CREDITOR
	137 250 208 260 8 - ECOA CD
	269 250 291 260 8 - KIND
	303 250 347 260 8 - BALANCE
	43 261 80 271 8 - ACCT NO
	181 261 235 271 8 - CREDIT LMT
	303 261 347 271 8 - REPORTED
	186 272 240 282 8 - ACCT STATUS
	--
	43 30 90 40 8 - CREDITOR
	137 30 208 40 8 - ECOA CD
	269 30 291 40 8 - KIND
	303 30 347 40 8 - BALANCE
	43 41 80 51 8 - ACCT NO
	181 41 235 51 8 - CREDIT LMT
	303 41 347 51 8 - REPORTED
	186 52 240 62 8 - ACCT STATUS
	43 80 145 90 8 - WELLS FARGO HOME M J
	269 80 291 90 8 - MTG
	303 80 340 90 8 - $562,600
	43 91 80 101 8 - *9322
	181 91 220 101 8 - -
	303 91 330 101 8 - 01/26
	186 102 240 112 8 - PAYS AS AGREED
	43 120 151 130 8 - CITICARDS CBNA
	180 120 200 130 8 - I / B
	269 120 291 130 8 - REV
	303 120 340 130 8 - $100
	43 131 80 141 8 - *4849
	181 131 220 141 8 - $5,000
	303 131 330 141 8 - 12/25
	186 142 240 152 8 - CHARGED OFF
	EOF
	cc-extract pages 2>/dev/null | tradelines ".creditor, .account_mask, .responsibility, .type, .balance, .limit, .status" >got &&
	cat >expect <<-\EOF &&
	["WELLS FARGO HOME M","*9322","joint","mortgage",56260000,null,"PAYS AS AGREED"]
	["CITICARDS CBNA","*4849","individual","revolving",10000,500000,"CHARGED OFF"]
	EOF
	test_cmp expect got
'

test_expect_success 'OCR: specks at a value'"'"'s ends ("(12/25", "04/24.", "_USAA"), a mask run into what follows ("3974187*********yy0."), a name run into its mask ("SERVICES*9315")' '
	page ocrspecks <<-\EOF | ocr >pages &&
	40 100 120 110 10 - TRADELINES
	41 120 44 126 8 - #
	57 120 92 126 8 - CREDITOR
	177 120 207 126 8 - ACCT NO
	239 120 262 126 8 - OPENED
	276 120 300 126 8 - RPTD
	320 120 350 126 8 - STATUS
	41 140 165 146 8 - 006 _USAA SAVINGS BANK
	177 140 240 146 8 - 3974187*********yy0.
	276 140 290 146 8 - (12/25
	320 140 350 146 8 - SETTLED
	41 152 170 158 8 - CREDITCOLLECTIONSERVICES*9315
	239 152 264 158 8 - 04/24.
	276 152 290 158 8 - 11/25
	320 152 350 158 8 - COLLECTION
	EOF
	cc-extract pages 2>/dev/null | tradelines ".creditor, .account_mask, .opened, .reported" >got &&
	cat >expect <<-\EOF &&
	["USAA SAVINGS BANK","3974187*********",null,"2025-12"]
	["CREDITCOLLECTIONSERVICES","*9315","2024-04","2025-11"]
	EOF
	test_cmp expect got
'

test_expect_success 'codes after a name: "I / C" under ECOA CD/OWNER both codes, "COLLECTION COLL" over the type the name'"'"'s end and the code; a date glued to the type ("CH 706/2019")' '
	page codes2 >pages <<-\EOF &&
	40 100 140 110 10 b TRADELINES
	44 120 124 131 8 - SUBSCRIBER
	160 120 222 131 8 - ECOA CD/OWNER
	250 120 280 131 8 - TYPE
	300 120 340 131 8 - BALANCE
	44 140 218 151 8 - RECEIVABLES PERFORMANC I / C
	250 140 270 151 8 - COLL
	300 140 340 151 8 - $100
	44 152 268 163 8 - NATIONWIDE CREDIT & COLLECTION COLL
	160 152 170 163 8 - J / B
	300 152 340 163 8 - $200
	40 200 140 210 10 b PUBLIC RECORDS
	50 220 70 230 8 - TYPE
	135 220 160 230 8 - FILED
	220 220 260 230 8 - RESOLVED
	391 220 436 230 8 - DOCKET #
	476 220 508 230 8 - COURT
	50 240 167 250 8 - BANKRUPTCY CH 706/2019
	220 240 253 250 8 - 11/2019
	391 240 444 250 8 - 18-BK-80948
	476 240 553 250 8 - US BANKRUPTCY
	EOF
	cc-extract pages 2>/dev/null >out &&
	jq -c "select(.kind==\"tradeline\") | [.creditor, .responsibility, .type, .balance]" out >got &&
	jq -c "select(.kind==\"public_record\") | [.type, .filed, .resolved, .reference]" out >>got &&
	cat >expect <<-\EOF &&
	["RECEIVABLES PERFORMANC","individual","collection",10000]
	["NATIONWIDE CREDIT & COLLECTION","joint","collection",20000]
	["bankruptcy_7","2019-06","2019-11","18-BK-80948"]
	EOF
	test_cmp expect got
'

test_expect_success 'the header atop each page passed over, and its first heading alone ("COMPANY": the rest a running head) too; the HISTORY line under it the group'"'"'s before' '
	page atop 300 >pages <<-\EOF &&
	40 20 120 30 10 b TRADELINES
	40 40 80 50 8 - COMPANY
	170 40 210 50 8 - ACCT NO
	260 40 300 50 8 - DT OPEN
	310 40 350 50 8 - BALANCE
	400 40 440 50 8 - STATUS
	40 60 120 70 8 - ACME BANK
	170 60 220 70 8 - 1111XXXX
	260 60 290 70 8 - 03/19
	310 60 340 70 8 - $100
	400 60 440 70 8 - OPEN
	40 250 120 260 8 - BETA BANK
	170 250 220 260 8 - 2222XXXX
	260 250 290 260 8 - 03/19
	310 250 340 260 8 - $100
	400 250 440 260 8 - OPEN
	--
	40 40 80 50 8 - COMPANY
	170 40 210 50 8 - ACCT NO
	260 40 300 50 8 - DT OPEN
	310 40 350 50 8 - BALANCE
	400 40 440 50 8 - STATUS
	40 52 200 58 8 - HISTORY: 12/25 CCCCCC
	40 60 120 70 8 - GAMMA BANK
	170 60 220 70 8 - 3333XXXX
	260 60 290 70 8 - 03/19
	310 60 340 70 8 - $100
	400 60 440 70 8 - OPEN
	40 250 120 260 8 - DELTA BANK
	170 250 220 260 8 - 4444XXXX
	260 250 290 260 8 - 03/19
	310 250 340 260 8 - $100
	400 250 440 260 8 - OPEN
	--
	40 40 80 50 8 - COMPANY
	40 52 200 58 8 - HISTORY: 12/25 CCC
	40 60 120 70 8 - EPSILON BANK
	170 60 220 70 8 - 5555XXXX
	260 60 290 70 8 - 03/19
	310 60 340 70 8 - $100
	400 60 440 70 8 - OPEN
	EOF
	cc-extract pages 2>/dev/null | tradelines ".creditor, (.history | length)" >got &&
	cat >expect <<-\EOF &&
	["ACME BANK",0]
	["BETA BANK",6]
	["GAMMA BANK",0]
	["DELTA BANK",3]
	["EPSILON BANK",0]
	EOF
	test_cmp expect got
'

test_expect_success 'OCR: a rule'"'"'s marks on headings ("=CREDITOR", "RPTD-"); "O11" a number; a name cut at its last letter kept whole; a rating "09" the O9 of a collection; a pattern'"'"'s serif 1s (I, l, T), its L'"'"'s among them when the status says no charge-off, and a late its counts deny, as the codes beside them' '
	page ocrcodes <<-\EOF | ocr >pages &&
	40 100 120 110 10 - TRADELINES
	41 120 44 126 8 - #
	57 120 112 126 8 - =CREDITOR NAME
	164 120 182 126 8 - RESP
	200 120 230 126 8 - ACCT #
	250 120 275 126 8 - RPTD-
	320 120 350 126 8 - STATUS
	200 130 235 136 8 - BALANCE
	250 130 270 136 8 - RATE
	290 130 320 136 8 - 30/60/90
	41 150 165 156 8 - O11 PORTFOLIO RECOVERY A
	170 150 172 156 8 - I
	200 150 240 156 8 - 8989*****
	250 150 272 156 8 - 12/25
	320 150 360 156 8 - COLLECTION
	200 160 220 166 8 - $987
	250 160 260 166 8 - 09
	290 160 315 166 8 - 0-0-0
	57 172 200 178 8 - PMT HIST: 12/25 IIIIlII4II
	41 190 110 196 8 - 012 CAPITAL ONE
	170 190 172 196 8 - J
	200 190 240 196 8 - 1234*****
	250 190 272 196 8 - 01/26
	320 190 350 196 8 - CURRENT
	200 200 220 206 8 - $500
	250 200 260 206 8 - R1
	290 200 315 206 8 - 0-0-0
	57 212 200 218 8 - PMT HIST: 01/26 LLLITTl
	EOF
	cc-extract pages 2>/dev/null | tradelines ".creditor, .account_mask, .responsibility, .reported, .balance, .status, .reasons, (.history | map(.s) | join(\",\"))" >got &&
	cat >expect <<-\EOF &&
	["PORTFOLIO RECOVERY A","8989*****","individual","2025-12",98700,"COLLECTION",["collection"],"OK,OK,OK,OK,OK,OK,OK,OK,OK,OK"]
	["CAPITAL ONE","1234*****","joint","2026-01",50000,"CURRENT",[],"OK,OK,OK,OK,OK,OK,OK"]
	EOF
	test_cmp expect got
'

test_expect_success 'codes under ECOA/WHOSE: "I / C" in a cell over the next heading too, the C the WHOSE though a code of ECOA'"'"'s; a cut name'"'"'s last letter before them ("MORTGAGE C J / J"); a name run into ACCT DESC ("SYNCB/LOWES CREDIT CARD"); "$25 AS AGREED" under PAYMENT STATUS with no payment column' '
	joint_spec | sed "/CREDIT ACCOUNTS/,\$d" >head.spec &&
	cat head.spec - <<-\EOF | page codesjoint >pages &&
	56 268 138 280 10 b TRADELINES
	47 300 51 309 8 - #
	66 300 95 309 8 - COMPANY
	140 300 185 309 8 - ACCT DESC
	196 300 244 309 8 - ECOA/WHOSE
	253 300 271 309 8 - TYPE
	300 300 330 309 8 - OPENED
	360 300 395 309 8 - BALANCE
	66 309 91 318 8 - ACCT #
	400 309 460 318 8 - PAYMENT STATUS
	47 330 59 339 8 - 001
	66 330 124 339 8 - CITICARDS CBNA
	140 330 180 339 8 - CREDIT CARD
	229 330 271 339 8 - I / C REV
	300 330 321 339 8 - 02/15
	370 330 395 339 8 - $500
	66 339 100 348 8 - 1234XXXX
	400 339 460 348 8 - $25 AS AGREED
	47 360 59 369 8 - 002
	66 360 239 369 8 - FREEDOM MORTGAGE C J / J
	253 360 271 369 8 - MTG
	300 360 321 369 8 - 01/19
	370 360 395 369 8 - $900
	66 369 100 378 8 - 5678XXXX
	400 369 490 378 8 - $541 120 DAYS PAST DUE
	47 390 59 399 8 - 003
	66 390 185 399 8 - SYNCB/LOWES CREDIT CARD
	229 390 271 399 8 - J / J REV
	300 390 321 399 8 - 03/12
	370 390 395 399 8 - $100
	66 399 100 408 8 - 9012XXXX
	400 399 460 408 8 - $0 PAID
	EOF
	cc-extract pages 2>/dev/null | tradelines ".creditor, .loan_type, .type, .responsibility, .applicants, .payment, .status" >got &&
	cat >expect <<-\EOF &&
	["CITICARDS CBNA","credit_card","revolving","individual",[2],2500,"AS AGREED"]
	["FREEDOM MORTGAGE C",null,"mortgage","joint",[1,2],54100,"120 DAYS PAST DUE"]
	["SYNCB/LOWES","credit_card","revolving","joint",[1,2],0,"PAID"]
	EOF
	test_cmp expect got
'

test_expect_success 'OCR: a name'"'"'s smudges ("—s-", "Cc", "MGs") and a mark before its mask ("=XXXX") off; "co" in capitals; a mask'"'"'s marks before it, a point among its digits, a smudge after it' '
	page ocrnames <<-\EOF | ocr >pages &&
	40 100 120 110 10 - TRADELINES
	41 120 92 126 8 - CREDITOR
	177 120 207 126 8 - ACCT NO
	276 120 300 126 8 - RPTD
	320 120 350 126 8 - STATUS
	41 140 175 146 8 - TD BANK USA/TARGETCRED =XXXXXXXXXXXX9281
	276 140 290 146 8 - 12/25
	320 140 350 146 8 - CURRENT
	41 152 170 158 8 - WELLS FARGO CARD SE —s-
	177 152 240 158 8 - 264585XXXXXXXXXX
	276 152 290 158 8 - 11/25
	320 152 350 158 8 - CURRENT
	41 164 170 170 8 - RECEIVABLES PERFORMANCE MGs
	177 164 240 170 8 - —-391914XXXXXX
	276 164 290 170 8 - 11/25
	320 164 350 170 8 - COLLECTION
	41 176 170 182 8 - LAKEVIEW LOAN SERVICING Cc
	177 176 240 182 8 - XXXXXXXXX17.67
	276 176 290 182 8 - 10/25
	320 176 350 182 8 - CURRENT
	41 188 170 194 8 - TOYOTA MOTOR CREDIT co
	177 188 240 194 8 - 458904XXXXXXXXXX_I
	276 188 290 194 8 - 10/25
	320 188 350 194 8 - CURRENT
	EOF
	cc-extract pages 2>/dev/null | tradelines ".creditor, .account_mask" >got &&
	cat >expect <<-\EOF &&
	["TD BANK USA/TARGETCRED","XXXXXXXXXXXX9281"]
	["WELLS FARGO CARD SE","264585XXXXXXXXXX"]
	["RECEIVABLES PERFORMANCE MG","391914XXXXXX"]
	["LAKEVIEW LOAN SERVICING","XXXXXXXXX1767"]
	["TOYOTA MOTOR CREDIT CO","458904XXXXXXXXXX"]
	EOF
	test_cmp expect got
'

test_expect_success 'OCR: a mask'"'"'s speck before the code beside it ("362216XXXXXXXXXX_ I"), a "+" before a mask; a pattern'"'"'s line whose label OCR misread ("PMT OHEST<. 12/25") no account' '
	page ocrrows <<-\EOF | ocr >pages &&
	40 100 120 110 10 - TRADELINES
	41 120 92 126 8 - CREDITOR NAME
	177 120 207 126 8 - ACCOUNT #
	240 120 262 126 8 - ECOA
	276 120 300 126 8 - RPTD
	320 120 350 126 8 - BALANCE
	41 140 120 146 8 - AMEX CHARGE CARD
	177 140 262 146 8 - 362216XXXXXXXXXX_ I
	276 140 290 146 8 - 12/25
	320 140 350 146 8 - $500
	41 150 120 156 8 - PMT OHEST<. 12/25
	177 150 200 156 8 - 2211
	240 150 330 156 8 - 1111341171111211111171111111
	41 162 120 168 8 - CARRINGTON MORTGAG
	177 162 240 168 8 - +XXXXXX1640
	240 162 250 168 8 - J
	276 162 290 168 8 - 11/25
	320 162 350 168 8 - $900
	EOF
	cc-extract pages 2>/dev/null | tradelines ".creditor, .account_mask, .responsibility, .balance" >got &&
	cat >expect <<-\EOF &&
	["AMEX CHARGE CARD","362216XXXXXXXXXX","individual",50000]
	["CARRINGTON MORTGAG","XXXXXX1640","joint",90000]
	EOF
	test_cmp expect got
'

test_expect_success 'OCR: a running head that begins with a label of the consumer'"'"'s ("FILE #7629-898193", read at another place than on the page before), or a row that begins with a word and a colon of no label ("DOEFD: 06/22"), no account' '
	cat >group.spec <<-\EOF &&
	53 55 86 60 8 - CREDITOR
	134 55 164 60 8 - ACCT NO
	209 55 433 60 8 - ECOA CD LOAN TYPE WHOSE DT OPEN LAST RPT CLOSED
	478 55 507 60 8 - HIGH CR
	135 63 163 68 8 - BAL DUE
	209 63 273 68 8 - PAST DUE MO PMT
	302 63 318 68 8 - RATE
	329 63 381 68 8 - 1ST DELQ BUR
	408 63 454 68 8 - ACCT STATUS
	53 87 185 97 8 - LVNV FUNDING LLC 814698XXXXXX
	209 90 213 95 8 - J
	249 90 306 95 8 - COLLECTION J
	329 90 349 95 8 - 09/25
	369 90 389 95 8 - 01/26
	478 90 490 94 8 - 936
	135 98 147 103 8 - 936
	209 98 221 103 8 - 936
	249 101 252 101 8 - -
	301 98 309 103 8 - 09
	329 98 349 103 8 - 03/25
	369 98 450 104 8 - EX/TU/EQ COLLECTION
	53 106 187 112 8 - ORIGINAL CREDITOR: SYNCB/WALMART
	EOF
	{
		echo "40 30 140 40 10 - TRADELINES" && cat group.spec && echo -- &&
		echo "53 40 123 45 8 - FILE #7629-898193" &&
		echo "136 40 208 46 8 - MOCKINGTON, WEI C" &&
		cat group.spec &&
		cat <<-\EOF
		52 129 103 134 8 - MERRICK BANK
		135 129 213 134 8 - 977555XXXXXXXXXX A
		249 129 306 134 8 - CREDIT CARD B
		329 129 349 134 8 - 07/23
		369 129 389 134 8 - 01/26
		478 129 498 134 8 - 8,040
		EOF
	} | page filehead | ocr >pages &&
	cc-extract pages 2>/dev/null | tradelines ".creditor, .account_mask, .balance" >got &&
	cat >expect <<-\EOF &&
	["LVNV FUNDING LLC","814698XXXXXX",93600]
	["LVNV FUNDING LLC","814698XXXXXX",93600]
	["MERRICK BANK","977555XXXXXXXXXX",null]
	EOF
	test_cmp expect got &&
	sed "s/ORIGINAL CREDITOR: SYNCB\/WALMART/DOEFD: 06\/22/" pages >pages2 &&
	cc-extract pages2 2>/dev/null | tradelines ".creditor, .account_mask, .balance" >got &&
	test_cmp expect got
'

test_expect_success 'OCR: a header'"'"'s headings with a point ("RESP."), some of their spaces lost ("PAST DUEAMT") and a 1 read as I ("DT IST DEL")' '
	page ocrhead2 <<-\EOF | ocr >pages &&
	54 457 133 463 8 - ACCOUNT HISTORY
	54 476 88 487 8 - CREDITOR
	136 480 217 485 8 - RESP. ACCT #
	255 480 417 485 8 - OPENED DTRPTD CRLIM HIGHCR BAL
	136 488 232 493 8 - PAST DUEAMT SCHED PMT
	255 488 270 493 8 - MOP
	289 488 390 493 8 - 30/60/90 DT IST DEL REPOS
	404 488 451 493 8 - CURR STATUS
	54 515 103 526 8 - SYNCB/LOWES
	136 519 140 524 8 - A
	193 515 338 526 8 - 7526042********* 09/06 11/25 5900
	368 515 417 526 8 - 4051 2163
	136 527 139 532 8 - 0
	193 527 199 532 8 - 43
	255 527 262 532 8 - RI
	289 527 335 532 8 - 00-00-00 —/--
	369 527 384 532 8 - MRG
	404 527 462 532 8 - PAYS AS AGREED
	54 536 331 541 8 - PMT HIST: 11/25 CCCcCCccecececceecceceececceccececececececcceccce
	EOF
	cc-extract pages 2>/dev/null | tradelines ".creditor, .account_mask, .opened, .balance, .past_due, .status" >got &&
	echo "[\"SYNCB/LOWES\",\"7526042*********\",\"2006-09\",216300,0,\"PAYS AS AGREED\"]" >expect &&
	test_cmp expect got
'

test_expect_success 'OCR: an account'"'"'s number read with an l ("O1l") or after a quote mark ("“002") is no part of the name' '
	page ocrindex <<-\EOF | ocr >pages &&
	40 100 120 110 10 - TRADELINES
	41 120 44 126 8 - #
	57 120 92 126 8 - CREDITOR
	177 120 207 126 8 - ACCT NO
	276 120 300 126 8 - RPTD
	320 120 350 126 8 - BALANCE
	41 140 120 146 8 - O1l NAVY FCU
	177 140 240 146 8 - XXXXXXXXXXXX0353
	276 140 290 146 8 - 12/25
	320 140 350 146 8 - $500
	41 152 120 158 8 - “002 SYNCB/LOWES
	177 152 240 158 8 - XXXXXXXXXXXX5159
	276 152 290 158 8 - 11/25
	320 152 350 158 8 - $900
	EOF
	cc-extract pages 2>/dev/null | tradelines ".creditor, .account_mask, .balance" >got &&
	cat >expect <<-\EOF &&
	["NAVY FCU","XXXXXXXXXXXX0353",50000]
	["SYNCB/LOWES","XXXXXXXXXXXX5159",90000]
	EOF
	test_cmp expect got
'

test_expect_success 'OCR: codes read as one word ("I/B", "A/C") under joined headings ECOA/WHO after a name run into their column; a mask with a digit read as a letter after the name ("55016SXXXXXX")' '
	page ocrslash <<-\EOF | ocr >pages &&
	40 100 120 110 10 - TRADELINES
	46 120 90 126 8 - CREDITOR
	207 120 250 126 8 - ECOA/WHO
	267 120 290 126 8 - OPENED
	359 120 380 126 8 - CLOSED
	426 120 445 126 8 - BAL
	46 130 85 136 8 - ACCT NO
	207 130 225 136 8 - PMT
	266 130 285 136 8 - MOP
	46 150 222 156 8 - WELLS FARGO HOME MORTGAGE __ I/B
	267 150 286 156 8 - 10/17
	426 150 445 156 8 - $234,080
	46 160 90 166 8 - ******0232
	207 160 229 166 8 - $2246
	266 160 277 166 8 - M1
	46 180 226 186 8 - COMENITY CAPITAL BANK/ULTA B A/C
	267 180 286 186 8 - 12/19
	426 180 451 186 8 - $10,791
	46 190 117 196 8 - ************4207
	207 190 224 196 8 - $215
	266 190 275 196 8 - R1
	46 210 181 216 8 - WESTLAKE FINANCIAL 55016SXXXXXX
	207 210 212 216 8 - I/B
	267 210 286 216 8 - 09/17
	426 210 451 216 8 - $50,900
	207 220 224 226 8 - $620
	266 220 275 226 8 - I1
	EOF
	cc-extract pages 2>/dev/null | tradelines ".creditor, .account_mask, .responsibility, .balance" >got &&
	cat >expect <<-\EOF &&
	["WELLS FARGO HOME MORTGAGE","******0232","individual",23408000]
	["COMENITY CAPITAL BANK/ULTA B","************4207","authorized_user",1079100]
	["WESTLAKE FINANCIAL","550165XXXXXX","individual",5090000]
	EOF
	test_cmp expect got
'

test_expect_success 'OCR: a 0 alone in a name is an O ("BANK OF 0"), a Roman I run into LLC one apart ("SPV 1LLC", "ILLC"); a mask'"'"'s last digits with a letter for a digit kept ("XXXXXXXXXXXXI407"), a point after its digits dropped ("789381. XXXXXX"); the text layer'"'"'s names as printed' '
	cat >spec <<-\EOF &&
	40 100 120 110 10 - TRADELINES
	41 120 92 126 8 - CREDITOR
	177 120 207 126 8 - ACCT NO
	276 120 300 126 8 - RPTD
	320 120 350 126 8 - BALANCE
	41 140 170 146 8 - FIRST NATIONAL BANK OF 0
	177 140 240 146 8 - 9815139*********
	276 140 290 146 8 - 12/25
	320 140 350 146 8 - $100
	41 152 170 158 8 - CAVALRY SPV 1LLC
	177 152 240 158 8 - 279064XXXXX
	276 152 290 158 8 - 11/25
	320 152 350 158 8 - $314
	41 164 170 170 8 - CAVALRY SPV ILLC
	177 164 240 170 8 - 6125217****
	276 164 290 170 8 - 11/25
	320 164 350 170 8 - $200
	41 176 170 182 8 - BARCLAYS BANK DELA
	177 176 240 182 8 - XXXXXXXXXXXXI407
	276 176 290 182 8 - 11/25
	320 176 350 182 8 - $300
	41 188 170 194 8 - GM FINANCIAL
	177 188 240 194 8 - 789381. XXXXXX
	276 188 290 194 8 - 11/25
	320 188 350 194 8 - $400
	EOF
	page ocrdigits <spec | ocr | cc-extract 2>/dev/null | tradelines ".creditor, .account_mask" >got &&
	page textdigits <spec | cc-extract 2>/dev/null | tradelines ".creditor" >>got &&
	cat >expect <<-\EOF &&
	["FIRST NATIONAL BANK OF O","9815139*********"]
	["CAVALRY SPV I LLC","279064XXXXX"]
	["CAVALRY SPV I LLC","6125217****"]
	["BARCLAYS BANK DELA","XXXXXXXXXXXX1407"]
	["GM FINANCIAL","789381XXXXXX"]
	["FIRST NATIONAL BANK OF 0"]
	["CAVALRY SPV 1LLC"]
	["CAVALRY SPV ILLC"]
	["BARCLAYS BANK DELA"]
	["GM FINANCIAL"]
	EOF
	test_cmp expect got
'

test_expect_success 'OCR: a header'"'"'s later line with one word OCR could hardly read ("Idd =" for TYPE, confidence 8) is still the header'"'"'s' '
	page ocrunread <<-\EOF | ocr | jq -c ".lines |= map(if .t == \"Idd =\" then .c = 8.2 else . end)" >pages &&
	40 20 120 30 10 - TRADE ACCOUNTS
	68 41 111 48 10 - CREDITOR
	215 41 250 48 10 - ACCT NO
	314 40 370 48 10 - ECOA/WHOSE
	410 41 445 48 10 - OPEN DT
	466 41 500 48 10 - HI CRDT
	215 52 236 58 10 - Idd =
	314 52 373 58 10 - DATE CLOSED
	409 52 447 58 10 - BALANCE
	475 52 496 58 10 - RATE
	215 62 232 68 10 - BUR
	314 62 347 68 10 - STATUS
	40 83 60 90 10 - 001
	68 83 160 90 10 - ROCKET MORTGAGE
	215 83 280 90 10 - 920688XXXXXXX
	314 83 330 90 10 - I/B
	418 83 445 90 10 - 12/2005
	466 83 500 90 10 - $165,600
	215 93 240 100 10 - MTG
	314 93 340 100 10 - --/----
	417 93 445 100 10 - $66,240
	485 93 496 100 10 - M1
	215 103 240 110 10 - MRG
	314 103 370 110 10 - AS AGREED
	40 141 60 148 10 - 002
	68 141 160 148 10 - AMEX CHARGE CARD
	215 141 290 148 10 - 730297XXXXXXXXXX
	314 141 330 148 10 - J/C
	417 141 445 148 10 - 01/2006
	466 141 500 148 10 - $18,596
	215 151 240 158 10 - OPEN
	314 151 340 158 10 - 04/2025
	417 151 445 158 10 - $0
	486 151 496 158 10 - O1
	215 161 240 168 10 - MRG
	314 161 370 168 10 - PAID/CLOSED
	EOF
	cc-extract pages 2>/dev/null | tradelines ".creditor, .account_mask, .closed, .balance, .status" >got &&
	cat >expect <<-\EOF &&
	["ROCKET MORTGAGE","920688XXXXXXX",null,6624000,"AS AGREED"]
	["AMEX CHARGE CARD","730297XXXXXXXXXX","2025-04",0,"PAID/CLOSED"]
	EOF
	test_cmp expect got
'

test_expect_success 'OCR: a number sign with a speck before it ("ACCT -#") is still its heading'"'"'s' '
	page ocrsign <<-\EOF | ocr >pages &&
	40 30 120 40 10 - TRADELINES
	45 47 49 54 8 - #
	65 47 123 54 8 - CREDITOR NAME
	188 47 228 54 8 - ACCT TYPE
	282 47 331 54 8 - DATE OPENED
	338 47 370 54 8 - BAL DUE
	65 56 91 63 8 - ACCT -#
	188 56 196 63 8 - 30
	244 56 252 63 8 - 60
	282 56 295 63 8 - 90+
	460 56 509 63 8 - ACCT STATUS
	45 85 141 92 8 - 001 UPSTART NETWORK INC
	188 85 232 92 8 - INSTALLMENT
	282 85 303 92 8 - 04/20
	338 85 360 92 8 - $5,000
	65 93 118 100 8 - 1046XXXXXX
	188 93 196 100 8 - 00
	244 93 252 100 8 - 00
	282 93 290 100 8 - 00
	460 93 500 100 8 - CURRENT
	EOF
	cc-extract pages 2>/dev/null | tradelines ".creditor, .account_mask, .balance, .status" >got &&
	cat >expect <<-\EOF &&
	["UPSTART NETWORK INC","1046XXXXXX",500000,"CURRENT"]
	EOF
	test_cmp expect got
'

test_expect_success 'OCR: a header'"'"'s later line whose heading OCR could hardly read ("| “ACCT: ¢", confidence 33): a heading it does not know, an account number under it the account'"'"'s' '
	page ocrunread2 <<-\EOF | ocr | jq -c ".lines |= map(if .t == \"| “ACCT: ¢\" then .c = 33.4 else . end)" >pages &&
	54 234 126 239 8 - ACCOUNT HISTORY
	54 256 62 261 8 - NO
	78 256 107 261 8 - COMPANY
	199 257 216 261 8 - ECOA
	240 257 256 261 8 - TYPE
	298 257 327 261 8 - DT OPEN
	360 257 393 261 8 - REPORTED
	67 262 102 272 8 - | “ACCT: ¢
	199 265 269 270 8 - DT CLSD BALANCE
	298 265 372 270 8 - PAST DUE AMT MOP
	199 273 206 278 8 - XP
	240 273 248 278 8 - TU
	298 273 306 278 8 - EF
	360 274 405 278 8 - ACCT STATUS
	54 295 149 300 8 - 001 ONEMAIN FINANCIAL
	199 295 203 300 8 - I
	240 295 326 301 8 - INSTALLMENT 10/2017
	360 295 389 301 8 - 01/2026
	78 304 132 309 8 - XXXXXXXXX9606
	199 304 227 309 8 - 03/2024
	240 304 243 309 8 - 0
	288 304 301 309 8 - 0
	361 304 367 309 8 - I1
	199 313 203 317 8 - X
	240 313 244 317 8 - X
	360 313 376 317 8 - PAID
	EOF
	cc-extract pages 2>/dev/null | tradelines ".creditor, .account_mask, .closed, .status" >got &&
	cat >expect <<-\EOF &&
	["ONEMAIN FINANCIAL","XXXXXXXXX9606","2024-03","PAID"]
	EOF
	test_cmp expect got
'

test_done
