#!/bin/sh
# cc-extract: the generic reader (lib/extract/read_generic.c), on pages
# made by hand: pairs in a row, labels over values, labels and values
# that wrap, "Label: value" inside a line, creditor headings, new
# accounts, three-bureau blocks and columns, payment grids, what is no
# data, inquiries, public records, layouts as hints; --layout generic on
# the committed corpus; hostile pages; random designs round trip.
. "$(dirname "$0")/test-lib.sh"
test_need_prereq JQ

C=$SRCDIR/testdata/corpus
export C

. "$SRCDIR/tests/lib-pages.sh"

# --- pairs ----------------------------------------------------------------

test_expect_success 'two and three pairs in a row; the warning names the document' '
	page twopairs >pages <<-\EOF &&
	50 100 120 110 - - ACME BANK
	50 120 100 130 - - Balance
	110 120 150 130 - - $100
	200 120 260 130 - - Account number
	270 120 330 130 - - 1234XXXX
	50 135 100 145 - - Opened
	110 135 150 145 - - 03/2019
	200 135 260 145 - - Credit limit
	270 135 330 145 - - $5,000
	400 135 450 145 - - Status
	460 135 560 145 - - Open/Never late
	50 150 100 160 - - Date reported
	110 150 150 160 - - 04/2024
	EOF
	cc-extract pages >out 2>err &&
	echo "cc-extract: twopairs: not a layout cc-extract knows (best match 0%); read as labels and values" >expect &&
	test_cmp expect err &&
	tradelines ".layout, .creditor, .account_mask, .balance, .opened, .limit, .status, .reported" <out >got &&
	echo "[null,\"ACME BANK\",\"1234XXXX\",10000,\"2019-03\",500000,\"Open/Never late\",\"2024-04\"]" >expect &&
	test_cmp expect got
'

test_expect_success 'a row of labels over a row of values: each value the cell under its label, CLOSED too' '
	page over <<-\EOF | cc-extract 2>/dev/null >out &&
	50 100 120 110 - - ACME BANK
	50 120 100 130 - - Account #
	150 120 200 130 - - Balance
	250 120 300 130 - - Opened
	350 120 400 130 - - Status
	50 135 100 145 - - 1234XXXX
	150 135 200 145 - - $1,200
	250 135 300 145 - - 03/2019
	350 135 400 145 - - CLOSED
	EOF
	tradelines ".creditor, .account_mask, .balance, .opened, .status, .closed" <out >got &&
	echo "[\"ACME BANK\",\"1234XXXX\",120000,\"2019-03\",\"CLOSED\",null]" >expect &&
	test_cmp expect got
'

test_expect_success '"Pay status  CLOSED  Opened  08/16/2024": CLOSED is the status, not a label' '
	page collapse <<-\EOF | cc-extract 2>/dev/null >out &&
	50 100 120 110 - - ACME BANK
	50 120 100 130 - - Balance
	110 120 150 130 - - $100
	50 135 100 145 - - Pay status
	150 135 200 145 - - CLOSED
	250 135 300 145 - - Opened
	350 135 400 145 - - 08/16/2024
	EOF
	tradelines ".creditor, .balance, .status, .opened, .closed" <out >got &&
	echo "[\"ACME BANK\",10000,\"CLOSED\",\"2024-08-16\",null]" >expect &&
	test_cmp expect got
'

test_expect_success 'a value not of its label'"'"'s type is no value: no balance of "Paid in full", "BALANCE CREDIT UNION" a heading' '
	page types <<-\EOF | cc-extract 2>/dev/null >out &&
	50 100 200 110 - b BALANCE CREDIT UNION
	50 120 100 130 - - Account number
	110 120 150 130 - - 1234XXXX
	50 135 100 145 - - Balance
	110 135 150 145 - - Paid in full
	50 150 100 160 - - Comment
	110 150 150 160 - - ok
	EOF
	tradelines ".creditor, .account_mask, .balance, .remarks" <out >got &&
	echo "[\"BALANCE CREDIT UNION\",\"1234XXXX\",null,\"ok\"]" >expect &&
	test_cmp expect got
'

test_expect_success 'a value that starts with a label'"'"'s word is a value ("Account closed ...", "Balance transferred ...")' '
	page labelwords <<-\EOF | cc-extract 2>/dev/null >out &&
	50 100 200 110 - b ACME BANK
	50 120 100 130 - - Account number
	110 120 150 130 - - 1234XXXX
	50 135 100 145 - - Comment
	110 135 300 145 - - Account closed at consumer'"'"'s request
	50 150 100 160 - - Status
	110 150 300 160 - - Closed
	50 165 100 175 - - Date closed
	110 165 300 175 - - 05/2024
	50 200 200 210 - b ZETA BANK
	50 220 100 230 - - Account number
	110 220 150 230 - - 5678XXXX
	50 235 100 245 - - Status
	110 235 300 245 - - Balance transferred to another lender
	50 250 100 260 - - Balance
	110 250 300 260 - - $0
	EOF
	tradelines ".creditor, .account_mask, .remarks, .status, .closed, .balance" <out >got &&
	cat >expect <<-\EOF &&
	["ACME BANK","1234XXXX","Account closed at consumer'"'"'s request","Closed","2024-05",null]
	["ZETA BANK","5678XXXX",null,"Balance transferred to another lender",null,0]
	EOF
	test_cmp expect got
'

test_expect_success 'labels wrapped over two and three lines, values of text wrapped onto the next line' '
	page wrap <<-\EOF | cc-extract 2>/dev/null >out &&
	50 100 200 110 - b ACME BANK
	50 120 100 130 - - Account number
	110 120 150 130 - - 1234XXXX
	50 135 100 145 - - Date of first
	110 135 150 145 - - 02/2020
	50 146 100 156 - - delinquency
	50 160 100 170 - - CURRENT
	110 160 150 170 - - $250
	50 171 100 181 - - BALANCE:
	50 190 100 200 - - Estimated month
	110 190 150 200 - - 05/2027
	50 201 100 211 - - and year this item
	50 212 100 222 - - will be removed
	50 230 100 240 - - Comment
	110 230 300 240 - - Paid on time every month
	110 241 300 251 - - since the loan was made
	50 260 100 270 - - Status
	110 260 300 270 - - Paid, Closed/Never
	110 271 300 281 - - late
	EOF
	tradelines ".creditor, .account_mask, .dofd, .balance, .removal_date, .remarks, .status" <out >got &&
	echo "[\"ACME BANK\",\"1234XXXX\",\"2020-02\",25000,\"2027-05\",\"Paid on time every month since the loan was made\",\"Paid, Closed/Never late\"]" >expect &&
	test_cmp expect got
'

test_expect_success 'a date that wraps at its comma ("November 14," over "2011") is one date, its year no heading; "CREDIT LIMIT OR" over "ORIGINAL AMOUNT" beside it' '
	page datewrap <<-\EOF | cc-extract 2>/dev/null >out &&
	62 300 160 311 11 b DISCOVER BANK
	62 320 114 328 8 b ACCOUNT #
	143 320 190 330 10 - 6011XXXX
	224 320 290 328 8 b DATE OF STATUS
	306 320 340 330 10 - 10/2023
	62 332 114 340 8 b DATE OPENED
	143 332 200 342 10 - November 14,
	224 332 290 340 8 b CREDIT LIMIT OR
	306 332 355 342 10 - $19,500.00
	143 342 163 352 10 - 2011
	224 342 300 350 8 b ORIGINAL AMOUNT
	62 354 114 362 8 b RECENT BALANCE
	143 354 180 364 10 - $4,210
	224 354 290 362 8 b LAST REPORTED
	306 354 340 364 10 - 10/2023
	EOF
	tradelines ".creditor, .account_mask, .opened, .limit, .balance, .reported" <out >got &&
	echo "[\"DISCOVER BANK\",\"6011XXXX\",\"2011-11-14\",1950000,421000,\"2023-10\"]" >expect &&
	test_cmp expect got
'

test_expect_success '"Label: value Label: value" in one line cut into pairs; a value run into the next "LABEL:" cut there' '
	page inline <<-\EOF | cc-extract 2>/dev/null >out &&
	50 100 200 110 - b ACME BANK
	50 120 400 130 - - Account #: 1234XXXX Balance: $1,200
	50 135 400 145 - - Opened: 03/2019 Status: Pays as agreed
	50 200 200 210 - b ZETA BANK
	50 220 100 230 - - Account #:
	110 220 250 230 - - 7205103*********OPENED:
	260 220 300 230 - - 03/2019
	50 235 100 245 - - Balance:
	110 235 150 245 - - $12
	EOF
	tradelines ".creditor, .account_mask, .balance, .opened, .status" <out >got &&
	cat >expect <<-\EOF &&
	["ACME BANK","1234XXXX",120000,"2019-03","Pays as agreed"]
	["ZETA BANK","7205103*********",1200,"2019-03",null]
	EOF
	test_cmp expect got
'

test_expect_success 'a value that ran into the next cell'"'"'s label: cut where the page'"'"'s labels start, glued too, the start of a label that wraps too; a word at the end kept' '
	page runin <<-\EOF | cc-extract 2>/dev/null >out &&
	50 100 200 110 - b ACME BANK
	50 120 100 130 - - Creditor name
	120 120 330 130 - - FIRST PREMIER BANK Account No.
	340 120 400 130 - - 4678XXXX
	50 135 100 145 - - Opened
	120 135 200 145 - - 03/2019
	250 135 300 145 - - Balance
	340 135 400 145 - - $1,200
	50 150 100 160 - - Remarks
	120 150 307 160 - - PAID COLLECTION ACCOUNT
	250 165 300 175 - - Status
	340 165 400 175 - - Closed
	50 200 200 210 - b ZETA BANK
	50 220 100 230 - - CREDITOR:
	120 220 361 230 - - ZETA FINANCIALAMOUNT OWED:
	370 220 400 230 - - $0
	50 235 100 245 - - ACCT #:
	120 235 358 245 - - 7205XXXX4722PAY STATUS
	370 235 420 245 - - CHARGE_OFF
	50 300 200 310 - b OMEGA BANK
	50 320 100 330 - - Creditor name
	120 320 389 330 - - OMEGA FINANCE ESTIMATED MONTH
	400 320 440 330 - - 03/2031
	250 331 300 341 - - AND YEAR THIS
	250 342 300 352 - - ITEM WILL BE
	250 353 300 363 - - REMOVED
	50 370 100 380 - - Balance
	120 370 200 380 - - $9
	50 400 200 410 - b DELTA BANK
	50 420 100 430 - - Creditor name
	120 420 306 430 - - DELTA FINANCE NUMBER
	400 420 450 430 - - 5555XXXX
	50 435 100 445 - - Balance
	120 435 200 445 - - $8
	50 460 200 470 - b EPSILON BANK
	50 480 100 490 - - Account number
	120 480 369 490 - - 305241XXXXXXDate Opened
	380 480 430 490 - - 07/2024
	50 495 100 505 - - Balance
	120 495 200 505 - - $7
	EOF
	tradelines ".creditor, .account_mask, .balance, .opened, .remarks, .status, .removal_date" <out >got &&
	cat >expect <<-\EOF &&
	["FIRST PREMIER BANK","4678XXXX",120000,"2019-03","PAID COLLECTION ACCOUNT","Closed",null]
	["ZETA FINANCIAL","7205XXXX4722",0,null,null,"CHARGE_OFF",null]
	["OMEGA FINANCE",null,900,null,null,null,"2031-03"]
	["DELTA FINANCE","5555XXXX",800,null,null,null,null]
	["EPSILON BANK","305241XXXXXX",700,"2024-07",null,null,null]
	EOF
	test_cmp expect got
'

test_expect_success 'a label cut from a line where its place is estimated ("AMERICAN EXPRESS ESTIMATED MONTH"), a few points off the column of the page'"'"'s labels: the lines it wraps onto ("AND YEAR THIS" ... "REMOVED") in that column are its, no heading' '
	page estcol <<-\EOF | cc-extract 2>/dev/null >out &&
	46 150 140 160 10 b AMERICAN EXPRESS
	46 165 85 174 8.5 b TransUnion
	46 180 90 188 8 - ACCOUNT #
	133 180 180 188 8 - 3499XXXX
	219 180 285 188 8 - PAYMENT STATUS
	306 180 340 188 8 - Current
	46 192 80 200 8 - CREDITOR
	133 192 302 200 8 - AMERICAN EXPRESS ESTIMATED MONTH
	306 192 336 200 8 - 11/2031
	219 202 270 210 8 - AND YEAR THIS
	219 212 265 220 8 - ITEM WILL BE
	219 222 258 230 8 - REMOVED
	46 236 80 245 8.5 b Equifax
	46 250 90 258 8 - ACCOUNT #
	133 250 180 258 8 - 3499XXXX
	219 250 285 258 8 - PAYMENT STATUS
	306 250 340 258 8 - Current
	46 262 80 270 8 - BALANCE
	133 262 160 270 8 - $412
	EOF
	tradelines ".bureau, .creditor, .account_mask, .balance, .status, .removal_date" <out >got &&
	cat >expect <<-\EOF &&
	["transunion","AMERICAN EXPRESS","3499XXXX",null,"Current","2031-11"]
	["equifax","AMERICAN EXPRESS","3499XXXX",41200,"Current",null]
	EOF
	test_cmp expect got
'

test_expect_success 'a value in capitals run into a mixed-case label ("CREDIT ONE BANK NABalance owed") at a column of the page'"'"'s labels: cut there, "Label:" too' '
	page capsrun <<-\EOF | cc-extract 2>/dev/null >out &&
	62 100 180 111 11 b CREDIT ONE BANK
	62 120 120 128 8 - Account name
	143 120 274 128 8 - CREDIT ONE BANK NABalance owed
	306 120 335 128 8 - $2,874
	62 132 120 140 8 - Account number
	143 132 190 140 8 - 4447XXXX
	224 132 282 140 8 - Account opened
	306 132 340 140 8 - 03/2019
	62 200 180 211 11 b CREDIT ONE BANK
	62 220 120 228 8 - Account name
	143 220 300 228 8 - CREDIT ONE BANK NACurrent Balance:
	306 220 345 228 8 - $1,617.00
	62 232 120 240 8 - Account number
	143 232 190 240 8 - 5558XXXX
	224 232 282 240 8 - Account opened
	306 232 340 240 8 - 07/2021
	EOF
	tradelines ".creditor, .account_mask, .balance, .opened" <out >got &&
	cat >expect <<-\EOF &&
	["CREDIT ONE BANK NA","4447XXXX",287400,"2019-03"]
	["CREDIT ONE BANK NA","5558XXXX",161700,"2021-07"]
	EOF
	test_cmp expect got
'

test_expect_success 'a value in capitals run into a one-word label in mixed case ("HARRIS & HARRIS LTDNotes") at a column of the page'"'"'s labels: cut there, the label'"'"'s value beside' '
	page capsnotes <<-\EOF | cc-extract 2>/dev/null >out &&
	52 380 180 390 10 b HARRIS & HARRIS LTD
	52 393 97 401 8 - Account No.
	137 393 183 401 8 - 4507XXXX
	221 393 274 401 8 - Current status
	306 393 360 401 8 - Paid collection
	52 402 87 410 8 - Company
	137 402 242 410 8 - HARRIS & HARRIS LTDNotes
	306 402 375 410 8 - PAID COLLECTION
	306 411 342 419 8 - ACCOUNT
	52 420 87 428 8 - Balance
	137 420 160 428 8 - $0
	221 420 260 428 8 - Opened on
	306 420 340 428 8 - 01/2020
	EOF
	tradelines ".creditor, .account_mask, .remarks, .balance, .opened" <out >got &&
	echo "[\"HARRIS & HARRIS LTD\",\"4507XXXX\",\"PAID COLLECTION ACCOUNT\",0,\"2020-01\"]" >expect &&
	test_cmp expect got
'

test_expect_success 'labels run into the values before them: glued to a mask ending in digits ("XXXX1748Category", "414689XXXXACCOUNT STATUS:"), a date of words in the next cell ("SYSTEMSREMAINS UNTIL" "May 2029"), a one-word label at the line'"'"'s end before a value ("CREDIT ONE BANK NA NOTES" "AUTHORIZED USER"), "LABEL OF WORDS:" glued to capitals ("LTDACCOUNT NUMBER:"); a value'"'"'s last word in lower case kept' '
	page glue2 <<-\EOF | cc-extract 2>/dev/null >out &&
	51 80 133 92 12 b CAPITAL ONE
	51 100 122 109 9 - Account number
	136 100 258 109 9 - XXXXXXXXXXXX1748Category
	306 100 348 109 9 - Revolving
	391 100 433 109 9 - Loan type
	476 100 524 109 9 - Credit Card
	51 111 98 120 9 - Balance
	136 111 170 120 9 - $512
	306 111 340 120 9 - Opened
	391 111 433 120 9 - 03/2019
	46 200 169 210 9 b TD BANK USA/TARGETCRED
	46 225 80 234 9 - ACCT #:
	132 225 347 234 9 - 414689XXXXXXXXXXACCOUNT STATUS: Charge off
	392 225 445 234 9 - OPENED ON:
	479 225 528 234 9 - Aug 5, 2006
	46 235 117 244 9 - BALANCE:
	132 235 185 244 9 - $3,209
	219 235 300 244 9 - LAST REPORTED:
	306 235 360 244 9 - Dec 31, 2025
	47 300 180 311 11 b SOUTHWEST CREDIT SYSTEMS
	47 320 91 329 9 - ACCT #
	176 320 210 329 9 - 1813XXXX
	306 320 388 329 9 - AMOUNT PAST DUE
	435 320 452 329 9 - $588
	47 331 91 340 9 - COMPANY
	176 331 373 340 9 - SOUTHWEST CREDIT SYSTEMSREMAINS UNTIL
	435 331 470 340 9 - May 2029
	58 400 146 410 9 b CREDIT ONE BANK NA
	58 420 90 429 9 - NUMBER
	140 420 194 429 9 - 2381XXXX
	223 420 290 429 9 - STATUS
	306 420 340 429 9 - Current
	58 431 100 440 9 - FURNISHER
	140 431 248 440 9 - CREDIT ONE BANK NA NOTES
	306 431 375 440 9 - AUTHORIZED USER
	58 442 100 451 9 - BALANCE
	140 442 160 451 9 - $0
	223 442 260 451 9 - OPENED
	306 442 340 451 9 - 06/2012
	44 460 165 471 11 - HARRIS & HARRIS LTD
	44 480 92 488 8 - FURNISHER:
	131 480 295 488 8 - HARRIS & HARRIS LTDACCOUNT NUMBER:
	306 480 350 488 8 - 9031XXXXX
	44 490 92 498 8 - BALANCE:
	131 490 160 498 8 - $44
	52 500 193 512 12 - JPMCB CARD SERVICES
	52 520 86 528 7 b BALANCE
	221 520 285 528 7 b PAYMENT STATUS
	390 520 458 528 7 b ACCOUNT NUMBER
	52 530 62 538 8.5 - $0
	221 530 342 538 8.5 - Settled for less than full balance
	390 530 412 538 8.5 - *7570
	EOF
	tradelines ".creditor, .account_mask, .type, .balance, .status, .removal_date, .remarks" <out >got &&
	cat >expect <<-\EOF &&
	["CAPITAL ONE","XXXXXXXXXXXX1748","revolving",51200,null,null,null]
	["TD BANK USA/TARGETCRED","414689XXXXXXXXXX",null,320900,"Charge off",null,null]
	["SOUTHWEST CREDIT SYSTEMS","1813XXXX",null,null,null,"2029-05",null]
	["CREDIT ONE BANK NA","2381XXXX",null,0,"Current",null,"AUTHORIZED USER"]
	["HARRIS & HARRIS LTD","9031XXXXX",null,4400,null,null,null]
	["JPMCB CARD SERVICES","*7570",null,0,"Settled for less than full balance",null,null]
	EOF
	test_cmp expect got
'

test_expect_success 'labels run into values: a label of words in mixed case after a mask of X'"'"'s (the wide X'"'"'s put the estimate further off), a label of four words and a date of two on the same line, a long one-word label in capitals before an amount' '
	page glue3 <<-\EOF | cc-extract 2>/dev/null >out &&
	56 535 153 546 11 b CITICARDS CBNA
	56 551 87 559 8 - Company
	139 551 205 559 8 - CITICARDS CBNA
	222 551 248 559 8 - Number
	306 551 436 559 8 - XXXXXXXXXXXX8277Account detail
	472 551 510 559 8 - Credit Card
	56 561 105 569 8 - Whose account
	139 561 154 569 8 - Joint
	222 561 264 569 8 - Date Opened
	306 561 337 569 8 - Nov 2010
	389 561 431 569 8 - Date updated
	472 561 510 569 8 - Dec 2025
	56 571 105 579 8 - Balance
	139 571 160 579 8 - $75
	389 571 431 579 8 - Last paid
	472 571 510 579 8 - Nov 2025
	46 600 173 611 10.5 b SOUTHWEST CREDIT SYSTEMS
	46 620 119 629 8.8 - ACCOUNT NO.
	176 620 248 629 8.8 - ********5731
	306 620 388 629 8.8 - AMOUNT PAST DUE
	435 620 462 629 8.8 - $1,016
	46 631 119 640 8.8 - CREDITOR NAME
	176 631 471 640 8.8 - SOUTHWEST CREDIT SYSTEMSSCHEDULED TO BE REMOVED Oct 2032
	46 642 119 651 8.8 - BALANCE
	176 642 210 651 8.8 - $1,016
	306 642 388 651 8.8 - DATE OPENED
	435 642 470 651 8.8 - 03/2021
	48 700 214 712 12 - CMRE FINANCIAL SERVICES
	48 720 95 729 9 - ACCT #
	177 720 210 729 9 - *9324
	306 720 380 729 9 - DATE OPENED
	434 720 470 729 9 - 02/2022
	48 731 95 740 9 - COMPANY
	177 731 350 740 9 - CMRE FINANCIAL SERVICESBALANCE
	434 731 476 740 9 - $1,712.00
	306 742 380 751 9 - STATUS
	434 742 480 751 9 - Collection
	EOF
	tradelines ".creditor, .account_mask, .loan_type, .balance, .removal_date" <out >got &&
	cat >expect <<-\EOF &&
	["CITICARDS CBNA","XXXXXXXXXXXX8277","credit_card",7500,null]
	["SOUTHWEST CREDIT SYSTEMS","********5731",null,101600,"2032-10"]
	["CMRE FINANCIAL SERVICES","*9324",null,171200,null]
	EOF
	test_cmp expect got
'

test_expect_success 'a value in capitals glued to a label of two words in capitals that a value of its type follows ("ONEMAIN FINANCIALBALANCE DUE" "$0.00"), at a column of the page'"'"'s labels: cut there' '
	page capsglued <<-\EOF | cc-extract 2>/dev/null >out &&
	60 445 141 455 10 b ONEMAIN FINANCIAL
	60 459 117 467 8 - ACCOUNT NAME
	142 459 276 467 8 - ONEMAIN FINANCIALBALANCE DUE
	306 459 330 467 8 - $0.00
	388 459 436 467 8 - PAY STATUS
	470 459 522 467 8 - Paid/Closed
	60 471 117 479 8 - ACCOUNT #
	142 471 190 479 8 - 4000XXXX
	223 471 280 479 8 - DATE OPENED
	306 471 340 479 8 - 03/2019
	60 483 117 491 8 - LOAN TYPE
	142 483 190 491 8 - Installment
	223 483 280 491 8 - DATE CLOSED
	306 483 340 491 8 - 11/2023
	EOF
	tradelines ".creditor, .account_mask, .balance, .opened, .closed, .status" <out >got &&
	echo "[\"ONEMAIN FINANCIAL\",\"4000XXXX\",0,\"2019-03\",\"2023-11\",\"Paid/Closed\"]" >expect &&
	test_cmp expect got
'

test_expect_success 'a mask glued to the first word of a label that wraps ("546341XXXXXXXXXXACCOUNT" over "CATEGORY:"), at a column of the page'"'"'s labels: the mask cut there, the label the line under completes' '
	page maskrun <<-\EOF | cc-extract 2>/dev/null >out &&
	59 470 140 480 10 b CAPITAL ONE
	59 491 100 499 8 - NUMBER:
	141 491 265 499 8 - 546341XXXXXXXXXXACCOUNT
	306 491 347 499 8 - Revolving
	388 491 445 499 8 - CREDIT TYPE:
	470 491 517 499 8 - Credit Card
	223 501 271 509 8 - CATEGORY:
	59 513 100 521 8 - BALANCE:
	141 513 170 521 8 - $812
	223 513 271 521 8 - OPEN DATE:
	306 513 340 521 8 - 2020-03
	223 525 271 533 8 - PAY STATUS:
	306 525 340 533 8 - Current
	EOF
	tradelines ".creditor, .account_mask, .balance, .opened, .status, .type, .loan_type" <out >got &&
	echo "[\"CAPITAL ONE\",\"546341XXXXXXXXXX\",81200,\"2020-03\",\"Current\",\"revolving\",\"credit_card\"]" >expect &&
	test_cmp expect got
'

test_expect_success 'a "Label: value" line of running text that wraps back under its label, as a paragraph does: the value whole; a short line under a label is not its' '
	page parawrap <<-\EOF | cc-extract 2>/dev/null >out &&
	49 560 160 572 12 b NAVIENT
	49 580 110 589 9.5 - Account No.:
	130 580 180 589 9.5 - 1234XXXX
	49 591 110 600 9.5 - Balance:
	130 591 160 600 9.5 - $0
	49 616 538 627 11 - Comment: UNPAID BALANCE REPORTED AS A LOSS BY THE CREDIT GRANTOR; CONSUMER
	49 629 269 640 11 - DISPUTES THIS ACCOUNT INFORMATION
	49 660 160 672 12 b ACME BANK
	49 680 110 689 9.5 - Account No.:
	130 680 180 689 9.5 - 5678XXXX
	49 691 110 700 9.5 - Comment: CLOSED
	49 702 110 711 9.5 - Balance:
	130 702 160 711 9.5 - $5
	EOF
	tradelines ".creditor, .account_mask, .balance, .remarks" <out >got &&
	cat >expect <<-\EOF &&
	["NAVIENT","1234XXXX",0,"UNPAID BALANCE REPORTED AS A LOSS BY THE CREDIT GRANTOR; CONSUMER DISPUTES THIS ACCOUNT INFORMATION"]
	["ACME BANK","5678XXXX",500,"CLOSED"]
	EOF
	test_cmp expect got
'

test_expect_success 'a value wrapped in a bold and larger style than the body'"'"'s; a label'"'"'s last word under it, the value'"'"'s beside' '
	page wrapped <<-\EOF | cc-extract 2>/dev/null >out &&
	50 100 250 112 12 b ACME BANK
	50 120 120 128 7 - Account #
	150 120 220 128 7 - Balance
	250 120 320 128 7 - Opened
	50 130 120 140 9 b 1234XXXX
	150 130 220 140 9 b $100
	250 130 320 140 9 b 03/2019
	50 145 120 153 7 - Remarks
	250 145 320 153 7 - Reported
	50 155 230 165 9 b UNPAID; REPORTED AS A LOSS BY THE
	250 155 320 165 9 b 04/2024
	50 166 300 176 9 b CREDIT GRANTOR
	50 200 250 212 12 b ZETA BANK
	50 220 120 230 9 b Original creditor
	150 220 220 230 9 - SYNCB/WALMART
	250 220 300 230 9 b Creditor
	350 220 420 230 9 - SOUTHWEST CREDIT
	50 231 80 241 9 b name
	350 231 420 241 9 - SYSTEMS
	50 245 100 255 9 b Charged off
	150 245 200 255 9 - $5
	EOF
	tradelines ".creditor, .account_mask, .balance, .remarks, .original_creditor, .charge_off_amount" <out >got &&
	cat >expect <<-\EOF &&
	["ACME BANK","1234XXXX",10000,"UNPAID; REPORTED AS A LOSS BY THE CREDIT GRANTOR",null,null]
	["SOUTHWEST CREDIT SYSTEMS",null,null,null,"SYNCB/WALMART",500]
	EOF
	test_cmp expect got
'

test_expect_success 'labels over one value stacked ("AMOUNT" over "CHARGED OFF", "$6,050"), another column'"'"'s wrapped value far right of the lower one: one label; that value ("CREDITOR NAME GOLDMAN SACHS" over "BANK USA") joined' '
	page stacked <<-\EOF | cc-extract 2>/dev/null >out &&
	63 62 190 71 8.8 b GOLDMAN SACHS BANK USA
	63 86 102 95 8.8 b NUMBER
	144 86 232 95 8.8 - 177011XXXXXXXXXX
	225 86 269 95 8.8 b ACCOUNT
	306 86 365 95 8.8 - CHARGE_OFF
	386 86 420 95 8.8 b OPENED
	467 86 500 95 8.8 - 08/2019
	225 97 256 106 8.8 b STATUS
	63 112 106 121 8.8 b BALANCE
	144 112 175 121 8.8 - $6,050
	225 112 290 121 8.8 b LAST REPORTED
	306 112 337 121 8.8 - 11/2025
	63 138 86 147 8.8 b TYPE
	144 138 185 147 8.8 - Revolving
	225 138 263 147 8.8 b AMOUNT
	306 138 332 147 8.8 - $6,050
	386 138 544 147 8.8 - CREDITOR NAME GOLDMAN SACHS
	225 149 289 158 8.8 b CHARGED OFF
	467 149 511 158 8.8 - BANK USA
	EOF
	tradelines ".creditor, .account_mask, .balance, .charge_off_amount, .status, .opened" <out >got &&
	echo "[\"GOLDMAN SACHS BANK USA\",\"177011XXXXXXXXXX\",605000,605000,\"CHARGE_OFF\",\"2019-08\"]" >expect &&
	test_cmp expect got
'

test_expect_success 'OCR: labels read without their spaces, a one-word label before its value mid-line, quote specks, I read as | or !, year marks without their '"'"', the heading'"'"'s spaces kept' '
	page ocrd <<-\EOF | ocr | cc-extract 2>/dev/null >out &&
	53 556 176 566 10.3 - SOUTHWEST CREDIT SYSTEMS
	53 570 205 578 7.4 - PO BOX 28205 RICHMOND VA 23268 (800) 939-0798
	53 587 90 597 8.9 - COMPANY
	137 587 324 597 - - SOUTHWESTCREDITACCOUNTNUMBER*7009
	390 586 409 596 10 - TYPE
	474 587 505 597 8.5 - Collection
	137 596 171 606 8.9 - SYSTEMS
	53 606 117 616 8.9 - ACCOUNT DETAIL
	137 606 169 616 10 - Collection
	221 606 287 616 8.5 - WHOSE ACCOUNT
	306 606 336 616 10 - Individual
	53 618 140 628 9 - “CURRENT BALANCE’ $1,234
	221 618 280 628 9 - DATE OPENED
	306 618 350 628 9 - 03/2019
	55 640 120 650 9.6 - Payment history
	86 651 95 661 8.1 - 24
	349 651 358 661 8.5 - 25
	85 662 430 672 7.8 - Apr May Jun Jul Aug Sep Oct Nov Dec Jan Feb Mar
	85 674 430 684 7.8 - OK OK OK OK OK OK 30 OK OK OK OK OK
	53 700 176 710 10.3 - CAPITAL ONE
	53 720 90 730 8.9 - COMPANY
	137 720 200 730 8.9 - CAPITAL ONE
	221 720 287 730 8.5 - WHOSE ACCOUNT
	306 720 336 730 10 - Individual
	53 732 140 742 9 - CURRENT BALANCE $5
	--
	53 56 176 66 10.3 - CAVALRY SPV | LLC |
	53 75 90 85 8.9 - ORIGINAL CREDITOR
	137 75 300 85 8.9 - SOF! LENDING NUMBER 9706XXXXX
	53 87 140 97 9 - AMOUNT PASTDUE $7
	221 87 287 97 8.5 - WHOSE ACCOUNT
	306 87 336 97 10 - Individual
	221 99 280 109 9 - DATE OPENED
	306 99 350 109 9 - 04/2020
	53 140 176 150 10.3 - DEPT OF EDUCATION/NELNET
	53 160 90 170 8.5 - CREDITOR NAME
	137 160 172 170 8.1 - DEPT OF
	221 160 277 170 8.5 - AMOUNT OWED
	306 160 341 170 - - $79,695
	137 170 218 180 - - EDUCATION/NELNET
	53 182 90 192 8.5 - NUMBER
	137 182 200 192 - - 1234XXXX
	EOF
	tradelines ".creditor, .account_mask, .balance, .past_due, .original_creditor, .loan_type, .opened, (.history | map(\"\(.m)=\(.s)\") | join(\" \"))" <out >got &&
	cat >expect <<-\EOF &&
	["SOUTHWEST CREDIT SYSTEMS","*7009",123400,null,null,"collection","2019-03","2025-03=OK 2025-02=OK 2025-01=OK 2024-12=OK 2024-11=OK 2024-10=30 2024-09=OK 2024-08=OK 2024-07=OK 2024-06=OK 2024-05=OK 2024-04=OK"]
	["CAPITAL ONE",null,500,null,null,null,null,""]
	["CAVALRY SPV I LLC","9706XXXXX",null,700,"SOFI LENDING",null,"2020-04",""]
	["DEPT OF EDUCATION/NELNET","1234XXXX",7969500,null,null,null,null,""]
	EOF
	test_cmp expect got
'

test_expect_success 'a remark'"'"'s last line that is a section'"'"'s name ("ACCOUNT INFORMATION") is the remark'"'"'s, not a section' '
	page remark <<-\EOF | cc-extract 2>/dev/null >out &&
	50 100 250 112 12 b ACME BANK
	50 120 120 130 9 b Balance:
	150 120 220 130 9 - $100
	50 132 120 142 9 b Comments:
	150 132 400 142 9 - UNPAID BALANCE REPORTED AS A LOSS BY THE
	150 143 400 153 9 - CREDIT GRANTOR; CONSUMER DISPUTES THIS
	150 154 300 164 9 - ACCOUNT INFORMATION
	50 175 120 185 9 b Account #:
	150 175 220 185 9 - 1234XXXX
	50 200 250 212 12 b ZETA BANK
	50 220 120 230 9 b Balance:
	150 220 220 230 9 - $5
	50 232 120 242 9 b Account #:
	150 232 220 242 9 - 5678XXXX
	EOF
	tradelines ".creditor, .account_mask, .balance, .remarks" <out >got &&
	cat >expect <<-\EOF &&
	["ACME BANK","1234XXXX",10000,"UNPAID BALANCE REPORTED AS A LOSS BY THE CREDIT GRANTOR; CONSUMER DISPUTES THIS ACCOUNT INFORMATION"]
	["ZETA BANK","5678XXXX",500,null]
	EOF
	test_cmp expect got
'

test_expect_success 'labels over values: a value ("Current") over a label in another style ("Balance:") is no wrapped label' '
	page bal <<-\EOF | cc-extract 2>/dev/null >out &&
	63 253 155 264 11.2 b ALLY FINANCIAL
	63 281 89 287 6.5 b Number:
	225 281 275 287 6.5 b Payment status:
	387 281 413 287 6.5 b Opened:
	63 289 108 297 8 - *********7780
	225 289 251 297 8 - Current
	387 289 432 297 8 - Apr 29, 2019
	63 300 106 306 6.5 b Last reported:
	225 300 252 306 6.5 b Balance:
	387 300 436 306 6.5 b Account owner:
	63 308 110 316 8 - Dec 15, 2025
	225 308 253 316 8 - $10,620
	387 308 420 316 8 - Individual
	EOF
	tradelines ".creditor, .account_mask, .status, .balance, .reported, .responsibility" <out >got &&
	echo "[\"ALLY FINANCIAL\",\"*********7780\",\"Current\",1062000,\"2025-12-15\",\"individual\"]" >expect &&
	test_cmp expect got
'

test_expect_success 'labels over values: a label that wraps onto the values'"'"' row ("ESTIMATED MONTH AND YEAR THIS ITEM" over "WILL BE REMOVED:") has its value a line late ("Dec 2031"); the remark beside it whole, its last lines no heading' '
	page late <<-\EOF | cc-extract 2>/dev/null >out &&
	61 120 200 131 11 b PORTFOLIO RECOVERY
	61 140 102 149 8.5 b Equifax
	61 155 100 162 7 - ACCOUNT #:
	224 155 260 162 7 - BALANCE:
	61 163 100 172 8.5 - 6011XXXX
	224 163 252 172 8.5 - $1,234
	61 179 204 186 7 - ESTIMATED MONTH AND YEAR THIS ITEM
	224 180 249 187 7 - NOTES:
	61 188 128 195 7 - WILL BE REMOVED:
	224 189 367 198 8.5 - UNPAID BALANCE REPORTED AS A
	61 197 102 206 8.5 - Dec 2031
	224 199 362 208 8.5 - LOSS BY THE CREDIT GRANTOR;
	224 209 377 218 8.5 - CONSUMER DISPUTES THIS ACCOUNT
	224 220 280 229 8.5 - INFORMATION
	61 232 102 241 8.5 b Experian
	61 247 100 254 7 - ACCOUNT #:
	224 247 260 254 7 - BALANCE:
	61 255 100 264 8.5 - 6011XXXX
	224 255 252 264 8.5 - $1,234
	EOF
	tradelines ".bureau, .creditor, .account_mask, .balance, .removal_date, .remarks" <out >got &&
	cat >expect <<-\EOF &&
	["equifax","PORTFOLIO RECOVERY","6011XXXX",123400,"2031-12","UNPAID BALANCE REPORTED AS A LOSS BY THE CREDIT GRANTOR; CONSUMER DISPUTES THIS ACCOUNT INFORMATION"]
	["experian","PORTFOLIO RECOVERY","6011XXXX",123400,null,null]
	EOF
	test_cmp expect got
'

test_expect_success 'OCR, labels over values: a line that runs on into the next column and ends in a value of its type is two values' '
	page ocrunder <<-\EOF | ocr | cc-extract 2>/dev/null >out &&
	63 342 243 352 8.9 - ACME BANK
	63 370 93 378 8.9 - Furnisher:
	225 371 266 378 7.4 - Balance owed:
	387 371 405 378 7 - Status:
	63 379 241 388 9.2 - ACME CARD SERVICES $623
	387 378 430 386 - - >Charge off<
	63 398 99 406 7 - Account No.:
	63 405 136 414 10.3 - XXXX3524
	EOF
	tradelines ".creditor, .account_mask, .balance, .status" <out >got &&
	echo "[\"ACME CARD SERVICES\",\"XXXX3524\",62300,\"Charge off\"]" >expect &&
	test_cmp expect got
'

test_expect_success 'a label with its colon over another ("Reported:" over "Balance:") is whole, not the start of "Reported balance"' '
	page colon <<-\EOF | cc-extract 2>/dev/null >out &&
	46 188 124 196 8 b LENDINGCLUB CORP
	46 209 85 217 8 - Account #:
	133 209 154 217 8 - *4077
	392 219 428 227 8 - Reported:
	478 219 507 227 8 - 11/2025
	46 228 73 236 8 - Closed:
	133 228 161 236 8 - 02/2022
	219 228 258 236 8 - Pay status:
	306 228 356 236 8 - CHARGE_OFF
	392 228 423 236 8 - Balance:
	478 228 513 236 8 - $6,634.00
	EOF
	tradelines ".creditor, .account_mask, .status, .balance, .reported" <out >got &&
	echo "[\"LENDINGCLUB CORP\",\"*4077\",\"CHARGE_OFF\",663400,\"2025-11\"]" >expect &&
	test_cmp expect got
'

test_expect_success 'OCR: a mark between a label and its value ("CURRENT BALANCE = $2,993") is no part of the value' '
	page eq <<-\EOF | ocr | cc-extract 2>/dev/null >out &&
	53 282 200 292 10 - ACME BANK
	53 300 159 308 9.2 - CURRENT BALANCE = $2,993
	222 300 269 308 9.2 - ACCOUNT #
	306 300 340 308 9 - 1234XXXX
	EOF
	tradelines ".creditor, .account_mask, .balance" <out >got &&
	echo "[\"ACME BANK\",\"1234XXXX\",299300]" >expect &&
	test_cmp expect got
'

test_expect_success 'OCR, labels over values: a value that starts a little left of the next label and lies more under it ("8900495*********" under "Account #") is that label'"'"'s, not the creditor'"'"'s' '
	page ocrwide <<-\EOF | ocr | cc-extract 2>/dev/null >out &&
	57 300 110 310 10.3 - US BANK
	57 324 115 332 7.4 - Creditor name
	223 324 262 332 7.4 - Account #
	389 324 460 332 7.4 - Account category
	58 334 94 343 8.9 - US BANK
	211 334 285 343 8.9 - 8900495*********
	389 334 425 343 8.9 - Revolving
	57 352 90 360 7.4 - Balance
	223 352 270 360 7.4 - Date opened
	58 362 88 371 8.9 - $1,507
	223 362 258 371 8.9 - 06/2019
	EOF
	tradelines ".creditor, .account_mask, .type, .balance, .opened" <out >got &&
	echo "[\"US BANK\",\"8900495*********\",\"revolving\",150700,\"2019-06\"]" >expect &&
	test_cmp expect got
'

test_expect_success 'OCR: a word run into an account number ("************2912Pays", "182225XXXXXXXXXXMCC0UN7Rev01v1") cut off it' '
	page ocrmask <<-\EOF | ocr | cc-extract 2>/dev/null >out &&
	53 400 160 410 10.3 - DISCOVER BANK
	53 420 110 428 8 - Account number
	137 420 225 428 8 - ************2912Pays
	53 432 100 440 8 - Balance
	137 432 170 440 8 - $2,873
	53 470 160 480 10.3 - CAPITAL ONE
	53 490 110 498 8 - Account number
	137 490 290 498 8 - 182225XXXXXXXXXXMCC0UN7Rev01v1
	53 502 100 510 8 - Balance
	137 502 170 510 8 - $412
	EOF
	tradelines ".creditor, .account_mask, .balance" <out >got &&
	cat >expect <<-\EOF &&
	["DISCOVER BANK","************2912",287300]
	["CAPITAL ONE","182225XXXXXXXXXX",41200]
	EOF
	test_cmp expect got
'

test_expect_success 'OCR: a label the line starts with is not cut inside ("AMOUNT PAST DUE $14,322" is no "AMOUNT" before "PAST DUE $14,322"): the amount past due, no account "AMOUNT"' '
	page ocrstart <<-\EOF | ocr | cc-extract 2>/dev/null >out &&
	53 400 160 410 10.3 - MIDLAND CREDIT MGMT
	53 420 100 428 8 - ACCOUNT #
	137 420 180 428 8 - 8510XXXX
	221 420 280 428 8 - BALANCE
	306 420 340 428 8 - $14,322
	53 432 170 440 8 - AMOUNT PAST DUE $14,322
	221 432 280 440 8 - DATE OPENED
	306 432 340 440 8 - 03/2021
	EOF
	tradelines ".creditor, .account_mask, .balance, .past_due, .opened" <out >got &&
	echo "[\"MIDLAND CREDIT MGMT\",\"8510XXXX\",1432200,1432200,\"2021-03\"]" >expect &&
	test_cmp expect got
'

test_expect_success 'OCR: a one-word label at the end of a line, at a column of the page'"'"'s labels, a value in the next cell ("SYNCB/AMAZON REMARKS" "AUTHORIZED USER"): cut there; a value'"'"'s last word before another label is kept' '
	page ocrremarks <<-\EOF | ocr | cc-extract 2>/dev/null >out &&
	49 420 122 430 10.3 - SYNCB/AMAZON
	49 437 90 445 8 - ACCT #
	134 437 174 445 8 - 4200XXXX
	220 437 268 445 8 - PAY STATUS
	306 437 352 445 8 - Current
	49 446 90 454 8 - COMPANY
	134 446 260 454 8 - SYNCB/AMAZON REMARKS
	306 447 385 455 8 - AUTHORIZED USER
	49 456 90 464 8 - BALANCE
	134 456 160 464 8 - $0
	220 456 268 464 8 - OPENED
	306 456 340 464 8 - 01/2020
	49 480 122 490 10.3 - ONEMAIN FINANCIAL
	49 497 90 505 8 - ACCT #
	134 497 174 505 8 - 6966XXXX
	220 497 268 505 8 - PAY STATUS
	306 497 400 505 8 - PAID COLLECTION ACCOUNT
	434 497 470 505 8 - OPENED
	480 497 510 505 8 - 02/2018
	EOF
	tradelines ".creditor, .account_mask, .remarks, .status, .balance" <out >got &&
	cat >expect <<-\EOF &&
	["SYNCB/AMAZON","4200XXXX","AUTHORIZED USER","Current",0]
	["ONEMAIN FINANCIAL","6966XXXX",null,"PAID COLLECTION ACCOUNT",null]
	EOF
	test_cmp expect got
'

test_expect_success 'OCR: stars after a mask of X'"'"'s are specks; a row in lower case (the rest of a label OCR misread, "year this item will be") is no creditor'"'"'s heading' '
	page ocrstars <<-\EOF | ocr | cc-extract 2>/dev/null >out &&
	46 280 180 291 10.3 - AMERICAN EXPRESS
	46 300 76 309 9 - Number:
	133 300 240 309 9 - 503515XXXXXXXXXX***
	219 300 260 309 9 - Opened:
	306 300 340 309 9 - 03/2019
	46 314 106 323 9 - Balance due:
	133 314 154 323 9 - $812
	46 325 159 334 9 - Estimated monthand 2032-12
	46 334 118 343 8.5 - year this item will be
	46 343 79 352 8.5 - removed:
	46 360 180 371 10.3 - US BANK
	46 380 76 389 9 - Number:
	133 380 240 389 9 - 491764XXXXXXXXXX
	219 380 260 389 9 - Balance due:
	306 380 340 389 9 - $5
	EOF
	tradelines ".creditor, .account_mask, .balance" <out >got &&
	cat >expect <<-\EOF &&
	["AMERICAN EXPRESS","503515XXXXXXXXXX",81200]
	["US BANK","491764XXXXXXXXXX",500]
	EOF
	test_cmp expect got
'

test_expect_success 'OCR: specks in a label or before it ("BALANCE: DUE", "8s Balance owed:"), letters for digits in an amount ("$o"), a speck after one ("$552 pce"): the balances read' '
	page ocrmoney <<-\EOF | ocr | cc-extract 2>/dev/null >out &&
	53 300 180 310 10.3 - BANK OF AMERICA
	53 320 100 328 8 - ACCOUNT #
	137 320 180 328 8 - 4400XXXX
	221 320 280 328 8 - DATE OPENED
	306 320 340 328 8 - 03/2019
	53 332 110 340 8 - BALANCE: DUE
	137 332 165 340 8 - $2,436
	53 360 180 370 10.3 - SYNCB/AMAZON
	53 380 100 388 8 - Account #:
	225 380 280 388 8 - 8s Balance owed:
	387 380 430 388 8 - Opened:
	53 390 100 398 8 - 6045XXXX
	225 390 260 398 8 - $1,205
	387 390 420 398 8 - 11/2020
	53 420 180 430 10.3 - DISCOVER BANK
	53 440 100 448 8 - Account #
	137 440 180 448 8 - 6011XXXX
	221 440 280 448 8 - Date opened
	306 440 340 448 8 - 06/2016
	53 452 100 460 8 - Balance
	137 452 150 460 8 - $o
	53 480 180 490 10.3 - CAPITAL ONE
	53 500 100 508 8 - Account #
	137 500 180 508 8 - 5178XXXX
	221 500 280 508 8 - Date opened
	306 500 340 508 8 - 05/2020
	53 512 100 520 8 - Balance
	137 512 175 520 8 - $552 pce
	EOF
	tradelines ".creditor, .account_mask, .balance, .opened" <out >got &&
	cat >expect <<-\EOF &&
	["BANK OF AMERICA","4400XXXX",243600,"2019-03"]
	["SYNCB/AMAZON","6045XXXX",120500,"2020-11"]
	["DISCOVER BANK","6011XXXX",0,"2016-06"]
	["CAPITAL ONE","5178XXXX",55200,"2020-05"]
	EOF
	test_cmp expect got
'

test_expect_success 'OCR: specks in a creditor'"'"'s name ("THE HOME =— DEPOT", a letter alone at its end), a line narrower than a glyph ("i one point wide, in a row of labels) or lower ("$3" half a point high): dropped' '
	page ocrspeck <<-\EOF | ocr | cc-extract 2>/dev/null >out &&
	45 300 200 310 10.3 - CITIBANK NA/THE HOME =— DEPOT
	45 320 90 328 8 - Account No.
	306 320 360 328 8 - Current status
	45 330 95 338 8 - 6035XXXX
	306 330 340 338 8 - Current
	45 360 200 370 10.3 - SANTANDER CONSUMER USA P
	45 380 90 388 8 - Account No.
	306 380 360 388 8 - Current status
	45 390 95 398 8 - 3000XXXX
	306 390 340 398 8 - Current
	45 420 150 430 10.3 - ALLY FINANCIAL
	45 440 90 448 8 - Account No.
	306 440 360 448 8 - Current status
	425 440 426 448 8 - "i
	45 450 95 458 8 - 4532XXXX
	306 450 340 458 8 - Current
	45 466 90 474 8 - Balance
	306 466 360 474 8 - Date opened
	200 476.4 210 476.9 8 - $3
	45 478 75 486 8 - $1,200
	306 478 340 486 8 - 09/2022
	EOF
	tradelines ".creditor, .account_mask, .status, .balance, .opened" <out >got &&
	cat >expect <<-\EOF &&
	["CITIBANK NA/THE HOME DEPOT","6035XXXX","Current",null,null]
	["SANTANDER CONSUMER USA","3000XXXX","Current",null,null]
	["ALLY FINANCIAL","4532XXXX","Current",120000,"2022-09"]
	EOF
	test_cmp expect got
'

test_expect_success 'OCR: a creditor'"'"'s heading wrapped onto a second line as far apart as its size has them, more than the body'"'"'s lines ("COMENITY CAPITAL BANK/ULTA BEAUTY" over "REWARDS MASTERCARD"): one name' '
	page ocrhead <<-\EOF | ocr | cc-extract 2>/dev/null >out &&
	46 61 260 68 11.1 - COMENITY CAPITAL BANK/ULTA BEAUTY
	46 73 175 80.5 11.4 - REWARDS MASTERCARD
	46 92 90 98 7.4 - Account #
	133 92 180 99 7.8 - 5781XXXX
	219 92 260 98 7.4 - Balance
	306 92 330 99 7.8 - $412
	46 100 90 106 7.4 - Status
	133 100 170 107 7.8 - Current
	219 100 260 106 7.4 - Opened
	306 100 340 107 7.8 - 04/2021
	46 108 90 114 7.4 - Type
	133 108 170 115 7.8 - Revolving
	EOF
	tradelines ".creditor, .account_mask, .balance, .status, .opened, .type" <out >got &&
	echo "[\"COMENITY CAPITAL BANK/ULTA BEAUTY REWARDS MASTERCARD\",\"5781XXXX\",41200,\"Current\",\"2021-04\",\"revolving\"]" >expect &&
	test_cmp expect got
'

test_expect_success 'OCR: a label at the end of a line ("CREDIT ONE BANK = Acct #") whose value is the next cell ("465796XXXXXXXXXX Category"): cut there; the row, after a payment grid, no grid legend for its " = "' '
	page ocrend <<-\EOF | ocr | cc-extract 2>/dev/null >out &&
	54 100 160 110 10.3 - CAPITAL ONE
	54 120 90 128 8 - Creditor
	138 120 190 128 8 - CAPITAL ONE
	306 120 340 128 8 - Balance
	474 120 500 128 8 - $812
	54 140 120 148 8 - Payment history
	90 152 430 160 7.8 - Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec
	54 163 430 171 7.8 - 2024 OK OK OK OK OK OK OK OK OK OK OK OK
	54 174 430 182 7.8 - 2023 OK OK OK OK OK OK OK OK 30 OK OK OK
	54 300 200 310 10.3 - CREDIT ONE BANK NA
	54 320 90 328 8 - Creditor
	138 320 244 328 8 - CREDIT ONE BANK = Acct #
	306 320 423 328 8 - 465796XXXXXXXXXX Category
	474 320 510 328 8 - Revolving
	138 330 150 338 8 - NA
	54 342 90 350 8 - Balance
	138 342 170 350 8 - $1,024
	EOF
	tradelines ".creditor, .account_mask, .type, .balance, (.history | length)" <out >got &&
	cat >expect <<-\EOF &&
	["CAPITAL ONE",null,null,81200,24]
	["CREDIT ONE BANK NA","465796XXXXXXXXXX","revolving",102400,0]
	EOF
	test_cmp expect got
'

test_expect_success 'OCR: a label of three lines at OCR'"'"'s wider gaps ("ESTIMATED MONTH AND" over "YEAR THIS ITEM WILL" over "BE REMOVED:"), its value beside the first: one label, its lines no heading' '
	page ocrgaps <<-\EOF | ocr | cc-extract 2>/dev/null >out &&
	60 300 200 310 10.3 - LVNV FUNDING LLC
	60 322 110 328 8.5 - ACCOUNT #
	185 322 240 328.5 8.5 - 5178XXXX
	60 333 110 339 8.5 - BALANCE
	185 333 215 339.5 8.5 - $1,810
	60 345.6 160 351.4 8.5 - ESTIMATED MONTH AND
	185 345.6 215 351.6 8.5 - Sep 2032
	60 356.6 160 362.4 8.5 - YEAR THIS ITEM WILL
	60 367.9 115 373.4 8.5 - BE REMOVED:
	60 379 110 385 8.5 - STATUS
	185 379 230 385.5 8.5 - Collection
	60 390 110 396 8.5 - DATE OPENED
	185 390 220 396.5 8.5 - 04/2018
	EOF
	tradelines ".creditor, .account_mask, .balance, .removal_date, .status, .opened" <out >got &&
	echo "[\"LVNV FUNDING LLC\",\"5178XXXX\",181000,\"2032-09\",\"Collection\",\"2018-04\"]" >expect &&
	test_cmp expect got
'

test_expect_success 'OCR, labels over values in one column: a value under a "Label:" ("Current" under "Current status:") starts no label with the line under it ("Balance:")' '
	page ocrcol <<-\EOF | ocr | cc-extract 2>/dev/null >out &&
	58 280 160 290 10.3 - ALLY FINANCIAL
	58 300 100 306 7 - Account #:
	58 308 110 316 8 - *********7780
	58 320 110 326 7 - Current status:
	58 328 90 336 8 - Current
	58 340 90 346 7 - Balance:
	58 348 90 356 8 - $4,200
	EOF
	tradelines ".creditor, .account_mask, .status, .balance" <out >got &&
	echo "[\"ALLY FINANCIAL\",\"*********7780\",\"Current\",420000]" >expect &&
	test_cmp expect got
'

test_expect_success 'OCR, three bureaus: a remark'"'"'s last word in each bureau'"'"'s column ("REQUEST"), in sizes OCR gave it that differ from its first line'"'"'s, is the remark'"'"'s, not the next account'"'"'s creditor' '
	page ocrwrap3 <<-\EOF | ocr | cc-extract 2>/dev/null >out &&
	50 100 200 110 10.3 - DISCOVER BANK
	178 115 228 123 8 - TransUnion
	305 115 345 123 8 - Experian
	434 115 470 123 8 - Equifax
	50 130 110 137 7.8 - Account number:
	178 130 238 137 7.8 - 6011XXXX
	305 130 365 137 7.8 - 6011XXXX
	434 130 494 137 7.8 - 6011XXXX
	50 141 100 148 7.8 - Balance:
	178 141 200 148 7.8 - $0
	305 141 327 148 7.8 - $0
	434 141 456 148 7.8 - $0
	50 152 100 159 7.8 - Comment:
	178 152 295 159 7.8 - ACCOUNT CLOSED AT CONSUMER'"'"'S
	305 152 422 159 7.8 - ACCOUNT CLOSED AT CONSUMER'"'"'S
	434 152 551 159 7.8 - ACCOUNT CLOSED AT CONSUMER'"'"'S
	178 161 220 170 11.8 - REQUEST
	305 161 347 170 11.8 - REQUEST
	434 162 462 168.5 7.4 - REQUEST
	50 176 100 183 7.8 - Pay status:
	178 176 220 183 7.8 - Paid
	305 176 347 183 7.8 - Paid
	434 176 456 183 7.8 - Paid
	50 200 200 210 10.3 - CAPITAL ONE
	178 215 228 223 8 - TransUnion
	305 215 345 223 8 - Experian
	434 215 470 223 8 - Equifax
	50 230 110 237 7.8 - Account number:
	178 230 238 237 7.8 - 5178XXXX
	305 230 365 237 7.8 - 5178XXXX
	434 230 494 237 7.8 - 5178XXXX
	50 241 100 248 7.8 - Balance:
	178 241 200 248 7.8 - $812
	305 241 327 248 7.8 - $812
	434 241 456 248 7.8 - $812
	EOF
	tradelines ".bureau, .creditor, .account_mask, .balance, .status, .remarks" <out >got &&
	cat >expect <<-\EOF &&
	["transunion","DISCOVER BANK","6011XXXX",0,"Paid","ACCOUNT CLOSED AT CONSUMER'"'"'S REQUEST"]
	["experian","DISCOVER BANK","6011XXXX",0,"Paid","ACCOUNT CLOSED AT CONSUMER'"'"'S REQUEST"]
	["equifax","DISCOVER BANK","6011XXXX",0,"Paid","ACCOUNT CLOSED AT CONSUMER'"'"'S REQUEST"]
	["transunion","CAPITAL ONE","5178XXXX",81200,null,null]
	["experian","CAPITAL ONE","5178XXXX",81200,null,null]
	["equifax","CAPITAL ONE","5178XXXX",81200,null,null]
	EOF
	test_cmp expect got
'

# --- headings and accounts -------------------------------------------------

test_expect_success 'headings: bold, larger, in capitals; the address and telephone under one are not the creditor' '
	page heads <<-\EOF | cc-extract 2>/dev/null >out &&
	50 100 200 110 10 b Acme Bank
	50 112 200 122 10 - 123 Main St Springfield IL 62701
	50 124 200 134 10 - (800) 555-1212
	50 140 100 150 10 - Account number
	110 140 150 150 10 - 1234XXXX
	50 152 100 162 10 - Balance
	110 152 150 162 10 - $5
	50 180 200 194 14 - Zeta Credit Union
	50 200 100 210 10 - Account number
	110 200 150 210 10 - 5678XXXX
	50 212 100 222 10 - Balance
	110 212 150 222 10 - $6
	50 240 200 250 10 - MEGA LOANS
	50 252 200 262 10 - PO Box 1234
	50 270 100 280 10 - Account number
	110 270 150 280 10 - 9999XXXX
	50 282 100 292 10 - Balance
	110 282 150 292 10 - $7
	EOF
	tradelines ".creditor, .account_mask, .balance" <out >got &&
	cat >expect <<-\EOF &&
	["Acme Bank","1234XXXX",500]
	["Zeta Credit Union","5678XXXX",600]
	["MEGA LOANS","9999XXXX",700]
	EOF
	test_cmp expect got
'

test_expect_success 'headings: the item number dropped, an account number split off, a wrapped name joined, a labelled number kept' '
	page masks <<-\EOF | cc-extract 2>/dev/null >out &&
	50 100 300 110 10 b 12 CAPITAL ONE BANK USA #5178XXXX
	50 140 100 150 10 - Balance
	110 140 150 150 10 - $5
	50 180 300 190 10 b DEPARTMENT STORES NATIONAL
	50 191 300 201 10 b BANK/MACYS XXXXXXX9062
	50 212 100 222 10 - Balance
	110 212 150 222 10 - $6
	50 240 300 250 10 b ZETA BANK 1234XXXX
	50 252 100 262 10 - Account number
	110 252 150 262 10 - 4321XXXX
	50 270 100 280 10 - Balance
	110 270 150 280 10 - $7
	EOF
	tradelines ".creditor, .account_mask, .balance" <out >got &&
	cat >expect <<-\EOF &&
	["CAPITAL ONE BANK USA","5178XXXX",500]
	["DEPARTMENT STORES NATIONAL BANK/MACYS","XXXXXXX9062",600]
	["ZETA BANK","4321XXXX",700]
	EOF
	test_cmp expect got
'

test_expect_success 'headings: the row in capitals among plain ones; a bold one over a capitals one; a labelled creditor wins' '
	page looks <<-\EOF | cc-extract 2>/dev/null >out &&
	50 100 200 110 10 - First account
	50 112 200 122 10 - ACME BANK
	50 140 100 150 10 - Account number
	110 140 150 150 10 - 1234XXXX
	50 152 100 162 10 - Balance
	110 152 150 162 10 - $5
	50 178 200 188 10 - OPEN ACCOUNT
	50 190 200 200 10 b Zeta Bank
	50 202 100 212 10 - Account number
	110 202 150 212 10 - 5678XXXX
	50 214 100 224 10 - Balance
	110 214 150 224 10 - $6
	50 240 200 250 10 b Omega Bank
	50 252 100 262 10 - Account name
	110 252 150 262 10 - OMEGA FINANCIAL LLC
	50 270 100 280 10 - Account number
	110 270 150 280 10 - 9999XXXX
	50 282 100 292 10 - Balance
	110 282 150 292 10 - $7
	EOF
	tradelines ".creditor, .account_mask, .balance" <out >got &&
	cat >expect <<-\EOF &&
	["ACME BANK","1234XXXX",500]
	["Zeta Bank","5678XXXX",600]
	["OMEGA FINANCIAL LLC","9999XXXX",700]
	EOF
	test_cmp expect got
'

test_expect_success 'no headings: the first field again starts the next account' '
	page again <<-\EOF | cc-extract 2>/dev/null >out &&
	50 100 100 110 - - Creditor
	110 100 250 110 - - Acme Bank
	50 112 100 122 - - Account number
	110 112 150 122 - - 1234XXXX
	50 124 100 134 - - Balance
	110 124 150 134 - - $5
	50 136 100 146 - - Creditor
	110 136 250 146 - - Zeta Bank
	50 148 100 158 - - Account number
	110 148 150 158 - - 5678XXXX
	50 160 100 170 - - Balance
	110 160 150 170 - - $6
	50 172 100 182 - - Status
	110 172 150 182 - - Open
	EOF
	tradelines ".creditor, .account_mask, .balance, .status" <out >got &&
	cat >expect <<-\EOF &&
	["Acme Bank","1234XXXX",500,null]
	["Zeta Bank","5678XXXX",600,"Open"]
	EOF
	test_cmp expect got
'

# --- three-bureau reports ------------------------------------------------------

# acme_columns: the first lines of a page of three bureaus' columns, ACME
# BANK's heading, the bureaus' names and their account numbers
acme_columns() {
	printf '%s\n' "50 100 200 110 10 b ACME BANK" \
		"200 115 260 125 10 - TransUnion" "300 115 360 125 10 - Experian" \
		"400 115 460 125 10 - Equifax" "50 130 100 140 10 - Account #:" \
		"200 130 260 140 10 - 1111XXXX" "300 130 360 140 10 - 2222XXXX" \
		"400 130 460 140 10 - 3333XXXX"
}

test_expect_success 'three bureaus: a row naming one bureau starts its account of the block' '
	page burows <<-\EOF | cc-extract 2>/dev/null >out &&
	50 100 200 110 10 b ACME BANK
	50 115 150 125 10 - TransUnion
	50 130 100 140 10 - Account number
	110 130 150 140 10 - 1111XXXX
	50 142 100 152 10 - Balance
	110 142 150 152 10 - $1
	50 157 150 167 10 - Experian
	50 172 100 182 10 - Account number
	110 172 150 182 10 - 2222XXXX
	50 184 100 194 10 - Balance
	110 184 150 194 10 - $2
	50 199 150 209 10 - Equifax
	50 214 100 224 10 - Account number
	110 214 150 224 10 - 3333XXXX
	50 226 100 236 10 - Balance
	110 226 150 236 10 - $3
	50 260 200 270 10 b ZETA BANK
	50 275 150 285 10 - Experian
	50 290 100 300 10 - Account number
	110 290 150 300 10 - 4444XXXX
	50 302 100 312 10 - Balance
	110 302 150 312 10 - $4
	EOF
	tradelines ".bureau, .creditor, .account_mask, .balance" <out >got &&
	cat >expect <<-\EOF &&
	["transunion","ACME BANK","1111XXXX",100]
	["experian","ACME BANK","2222XXXX",200]
	["equifax","ACME BANK","3333XXXX",300]
	["experian","ZETA BANK","4444XXXX",400]
	EOF
	test_cmp expect got
'

test_expect_success 'three bureaus: a row of bureau names over columns, each value its column'"'"'s bureau'"'"'s' '
	{ acme_columns && cat <<-\EOF
	50 142 100 152 10 - Balance:
	200 142 260 152 10 - $1
	300 142 360 152 10 - $2
	400 142 460 152 10 - $3
	50 154 100 164 10 - Pay status:
	200 154 260 164 10 - Current
	400 154 460 164 10 - Late 30 Days
	50 180 200 190 10 b ZETA BANK
	200 195 260 205 10 - TransUnion
	300 195 360 205 10 - Equifax
	50 210 100 220 10 - Account #:
	200 210 260 220 10 - 4444XXXX
	300 210 360 220 10 - 5555XXXX
	50 222 100 232 10 - Balance:
	200 222 260 232 10 - $4
	300 222 360 232 10 - $5
	EOF
	} | page bucols | cc-extract 2>/dev/null >out &&
	tradelines ".bureau, .creditor, .account_mask, .balance, .status" <out >got &&
	cat >expect <<-\EOF &&
	["transunion","ACME BANK","1111XXXX",100,"Current"]
	["experian","ACME BANK","2222XXXX",200,null]
	["equifax","ACME BANK","3333XXXX",300,"Late 30 Days"]
	["transunion","ZETA BANK","4444XXXX",400,null]
	["equifax","ZETA BANK","5555XXXX",500,null]
	EOF
	test_cmp expect got
'

test_expect_success 'three bureaus: values wider than their column that touch the next one cut where it starts' '
	{ acme_columns && cat <<-\EOF
	50 142 100 152 10 - Creditor:
	200 142 500 152 10 - MIDLAND CREDIT MGMTMIDLAND CREDIT MGMTMIDLAND CREDIT MGMT
	50 154 100 164 10 - Original creditor:
	200 154 497 164 10 - Comenity BankComenity Bank OneComenity Bank
	EOF
	} | page glued | cc-extract 2>/dev/null >out &&
	tradelines ".bureau, .creditor, .original_creditor" <out >got &&
	cat >expect <<-\EOF &&
	["transunion","MIDLAND CREDIT MGMT","Comenity Bank"]
	["experian","MIDLAND CREDIT MGMT","Comenity Bank One"]
	["equifax","MIDLAND CREDIT MGMT","Comenity Bank"]
	EOF
	test_cmp expect got
'

test_expect_success 'three bureaus: one value in each column, too long for it and run into the next ("US BANK HOME MORTGAGEUS BANK HOME MORTGAGE"), cut into its copies' '
	page copies <<-\EOF | cc-extract 2>/dev/null >out &&
	50 100 200 110 10 b US BANK HOME MORTGAGE
	180 115 230 125 10 - TransUnion
	306 115 346 125 10 - Experian
	431 115 467 125 10 - Equifax
	50 130 110 140 10 - Account number:
	180 130 240 140 10 - 1111XXXX
	306 130 366 140 10 - 2222XXXX
	431 130 491 140 10 - 3333XXXX
	50 142 100 152 10 - Creditor:
	180 142 556 152 10 - US BANK HOME MORTGAGEUS BANK HOME MORTGAGEUS BANK HOME MORTGAGE
	50 154 100 164 10 - Balance:
	180 154 230 164 10 - $1
	306 154 356 164 10 - $2
	431 154 481 164 10 - $3
	50 200 200 210 10 b US BANK HOME MORTGAGE
	180 215 230 225 10 - TransUnion
	306 215 346 225 10 - Experian
	431 215 467 225 10 - Equifax
	50 230 110 240 10 - Account number:
	180 230 186 240 10 - -
	306 230 366 240 10 - 4444XXXX
	431 230 491 240 10 - 5555XXXX
	50 242 100 252 10 - Creditor:
	180 242 186 252 10 - -
	306 242 556 252 10 - US BANK HOME MORTGAGEUS BANK HOME MORTGAGE
	50 254 100 264 10 - Balance:
	180 254 186 264 10 - -
	306 254 356 264 10 - $4
	431 254 481 264 10 - $5
	EOF
	tradelines ".bureau, .creditor, .account_mask, .balance" <out >got &&
	cat >expect <<-\EOF &&
	["transunion","US BANK HOME MORTGAGE","1111XXXX",100]
	["experian","US BANK HOME MORTGAGE","2222XXXX",200]
	["equifax","US BANK HOME MORTGAGE","3333XXXX",300]
	["experian","US BANK HOME MORTGAGE","4444XXXX",400]
	["equifax","US BANK HOME MORTGAGE","5555XXXX",500]
	EOF
	test_cmp expect got
'

test_expect_success 'three bureaus: a bureau whose column holds only dashes, and what a row printed across the columns gives every bureau, reports no account' '
	page dashcol <<-\EOF | cc-extract 2>/dev/null >out &&
	56 302 229 312 10 b NATIONWIDE CREDIT & COLLECTION
	181 316 230 325 9 b TransUnion
	306 316 342 325 9 b Experian
	430 316 462 325 9 b Equifax
	56 326 139 335 9 b ACCOUNT NUMBER
	181 326 222 335 9 - 6512*****
	306 326 353 335 9 - 6512XXXXX
	430 326 433 335 9 - -
	56 337 117 346 9 b BALANCE DUE
	181 337 208 346 9 - $2,943
	306 337 333 346 9 - $2,943
	430 337 433 346 9 - -
	56 347 433 356 9 - ORIGINAL CREDITOR NAME ST JOSEPH MEDICAL CENTER ST JOSEPH MEDICAL CENTER -
	56 358 433 367 9 - NOTES MEDICAL PAYMENT DATA MEDICAL PAYMENT DATA -
	EOF
	tradelines ".bureau, .account_mask, .balance" <out >got &&
	cat >expect <<-\EOF &&
	["transunion","6512*****",294300]
	["experian","6512XXXXX",294300]
	EOF
	test_cmp expect got
'

# --- payment grids --------------------------------------------------------------

# acme_account: the lines of ACME BANK's heading, balance and account
# number, above a grid
acme_account() {
	printf '%s\n' "50 100 200 112 12 b ACME BANK" \
		"50 120 100 130 9 - Balance:" "120 120 160 130 9 - \$100" \
		"50 132 100 142 9 - Account #:" "120 132 160 142 9 - 1234XXXX"
}

test_expect_success 'grids: a row of a label and its values with a dash among them ("Balance: - $2 $3") over a grid is no grid legend: the balances read' '
	page dashlegend <<-\EOF | cc-extract 2>/dev/null >out &&
	50 100 200 110 10 b ACME BANK
	200 115 260 125 10 - TransUnion
	300 115 360 125 10 - Experian
	400 115 460 125 10 - Equifax
	50 130 100 140 10 - Account #:
	200 130 260 140 10 - 1111XXXX
	300 130 360 140 10 - 2222XXXX
	400 130 460 140 10 - 3333XXXX
	50 142 100 152 10 - Balance:
	200 142 206 152 10 - -
	300 142 360 152 10 - $2
	400 142 460 152 10 - $3
	53 160 160 168 7 - √ = paid as agreed (OK)
	82 172 90 180 7 - '"'"'23
	124 172 132 180 7 - '"'"'24
	82 182 92 190 7 - Nov
	103 182 113 190 7 - Dec
	124 182 134 190 7 - Jan
	145 182 155 190 7 - Feb
	166 182 176 190 7 - Mar
	187 182 197 190 7 - Apr
	53 192 78 200 7 - TransUnion
	82 192 90 200 7 - OK
	103 192 111 200 7 - 30
	124 192 132 200 7 - OK
	145 192 153 200 7 - OK
	166 192 174 200 7 - OK
	187 192 195 200 7 - OK
	53 202 78 210 7 - Experian
	82 202 88 210 7 - √
	103 202 109 210 7 - √
	124 202 130 210 7 - √
	145 202 151 210 7 - √
	166 202 172 210 7 - √
	187 202 193 210 7 - √
	53 212 78 220 7 - Equifax
	82 212 90 220 7 - OK
	103 212 111 220 7 - OK
	124 212 132 220 7 - OK
	145 212 153 220 7 - 60
	166 212 174 220 7 - OK
	187 212 195 220 7 - OK
	EOF
	tradelines ".bureau, .balance, (.history | length)" <out >got &&
	cat >expect <<-\EOF &&
	["transunion",null,6]
	["experian",200,6]
	["equifax",300,6]
	EOF
	test_cmp expect got
'

test_expect_success 'grids: year marks over months newest first over codes; the pairs after the grid read' '
	page marks <<-\EOF | cc-extract 2>/dev/null >out &&
	50 100 200 110 10 b ACME BANK
	50 115 100 125 10 - Balance
	110 115 150 125 10 - $5
	50 130 100 140 10 - Account number
	110 130 150 140 10 - 1234XXXX
	50 145 100 155 10 - Payment history
	100 160 115 170 10 - '"'"'24
	220 160 235 170 10 - '"'"'23
	100 172 115 182 10 - Mar
	130 172 145 182 10 - Feb
	160 172 175 182 10 - Jan
	220 172 235 182 10 - Dec
	250 172 265 182 10 - Nov
	280 172 295 182 10 - Oct
	100 184 115 194 10 - OK
	130 184 145 194 10 - OK
	160 184 175 194 10 - 30
	220 184 235 194 10 - √
	250 184 265 194 10 - OK
	280 184 295 194 10 - CO
	50 210 100 220 10 - Status
	110 210 150 220 10 - Open
	EOF
	history <out >got &&
	echo "-: 2024-03=OK 2024-02=OK 2024-01=30 2023-12=OK 2023-11=OK 2023-10=CO" >expect &&
	test_cmp expect got &&
	tradelines ".creditor, .account_mask, .balance, .status" <out >got &&
	echo "[\"ACME BANK\",\"1234XXXX\",500,\"Open\"]" >expect &&
	test_cmp expect got
'

test_expect_success 'grids: months oldest first, a row of codes per bureau starting with its name' '
	page burgrid <<-\EOF | cc-extract 2>/dev/null >out &&
	50 100 200 110 10 b ACME BANK
	200 115 260 125 10 - TransUnion
	300 115 360 125 10 - Experian
	50 130 100 140 10 - Balance:
	200 130 260 140 10 - $1
	300 130 360 140 10 - $2
	100 160 115 170 10 - '"'"'23
	160 160 175 170 10 - '"'"'24
	100 172 115 182 10 - Nov
	130 172 145 182 10 - Dec
	160 172 175 182 10 - Jan
	190 172 205 182 10 - Feb
	220 172 235 182 10 - Mar
	250 172 265 182 10 - Apr
	40 184 90 194 10 - TransUnion
	100 184 115 194 10 - OK
	130 184 145 194 10 - 30
	160 184 175 194 10 - 60
	190 184 205 194 10 - OK
	220 184 235 194 10 - OK
	250 184 265 194 10 - OK
	40 196 90 206 10 - Experian
	100 196 115 206 10 - √
	130 196 145 206 10 - √
	160 196 175 206 10 - √
	190 196 205 206 10 - √
	220 196 235 206 10 - √
	250 196 265 206 10 - √
	50 210 100 220 10 - Pay status:
	200 210 260 220 10 - Late 60 Days
	300 210 360 220 10 - Current
	EOF
	history <out >got &&
	cat >expect <<-\EOF &&
	transunion: 2024-04=OK 2024-03=OK 2024-02=OK 2024-01=60 2023-12=30 2023-11=OK
	experian: 2024-04=OK 2024-03=OK 2024-02=OK 2024-01=OK 2023-12=OK 2023-11=OK
	EOF
	test_cmp expect got &&
	tradelines ".bureau, .balance, .status" <out >got &&
	cat >expect <<-\EOF &&
	["transunion",100,"Late 60 Days"]
	["experian",200,"Current"]
	EOF
	test_cmp expect got
'

test_expect_success 'grids: a Month row, a Year row under it, a row of codes per bureau named with a colon' '
	page monthyear <<-\EOF | cc-extract 2>/dev/null >out &&
	50 100 200 110 10 b ACME BANK
	200 115 260 125 10 - TransUnion
	300 115 360 125 10 - Equifax
	50 130 100 140 10 - Balance:
	200 130 260 140 10 - $1
	300 130 360 140 10 - $2
	40 160 90 170 10 - Month
	100 160 115 170 10 - Nov
	130 160 145 170 10 - Dec
	160 160 175 170 10 - Jan
	190 160 205 170 10 - Feb
	220 160 235 170 10 - Mar
	250 160 265 170 10 - Apr
	40 172 90 182 10 - Year
	100 172 115 182 10 - '"'"'23
	130 172 145 182 10 - '"'"'23
	160 172 175 182 10 - '"'"'24
	190 172 205 182 10 - '"'"'24
	220 172 235 182 10 - '"'"'24
	250 172 265 182 10 - '"'"'24
	40 184 90 194 10 - TransUnion:
	100 184 115 194 10 - OK
	130 184 145 194 10 - 30
	160 184 175 194 10 - 60
	190 184 205 194 10 - OK
	220 184 235 194 10 - OK
	250 184 265 194 10 - OK
	40 196 90 206 10 - Equifax:
	100 196 115 206 10 - OK
	130 196 145 206 10 - OK
	160 196 175 206 10 - OK
	190 196 205 206 10 - CO
	220 196 235 206 10 - CO
	250 196 265 206 10 - CO
	50 210 100 220 10 - Pay status:
	200 210 260 220 10 - Current
	300 210 360 220 10 - Charge off
	EOF
	history <out >got &&
	cat >expect <<-\EOF &&
	transunion: 2024-04=OK 2024-03=OK 2024-02=OK 2024-01=60 2023-12=30 2023-11=OK
	equifax: 2024-04=CO 2024-03=CO 2024-02=CO 2024-01=OK 2023-12=OK 2023-11=OK
	EOF
	test_cmp expect got &&
	tradelines ".bureau, .negative" <out >got &&
	cat >expect <<-\EOF &&
	["transunion",true]
	["equifax",true]
	EOF
	test_cmp expect got
'

test_expect_success 'grids: Jan..Dec over rows of a year and its codes; a strip of MM/YY over codes' '
	{
		echo "50 100 200 110 10 b ACME BANK" &&
		echo "50 115 100 125 10 - Balance" &&
		echo "110 115 150 125 10 - \$5" &&
		x=100 &&
		for m in Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec; do
			echo "$x 150 $((x + 15)) 160 10 - $m" && x=$((x + 25)) || exit 1
		done &&
		echo "50 162 80 172 10 - 2024" &&
		x=100 &&
		for c in OK OK OK 30 60 OK; do
			echo "$x 162 $((x + 15)) 172 10 - $c" && x=$((x + 25)) || exit 1
		done &&
		echo "50 174 80 184 10 - 2023" &&
		x=100 &&
		for c in OK OK OK OK OK OK OK OK OK OK OK CO; do
			echo "$x 174 $((x + 15)) 184 10 - $c" && x=$((x + 25)) || exit 1
		done &&
		echo "50 200 100 210 10 - Status" &&
		echo "110 200 150 210 10 - Open" &&
		echo "50 300 200 310 10 b ZETA BANK" &&
		echo "50 315 100 325 10 - Balance" &&
		echo "110 315 150 325 10 - \$6" &&
		x=100 &&
		for m in 03/24 02/24 01/24 12/23 11/23; do
			echo "$x 350 $((x + 20)) 360 10 - $m" && x=$((x + 25)) || exit 1
		done &&
		x=100 &&
		for c in OK 30 OK OK CO; do
			echo "$x 362 $((x + 15)) 372 10 - $c" && x=$((x + 25)) || exit 1
		done
	} >grid.spec &&
	page grids <grid.spec | cc-extract 2>/dev/null >out &&
	history <out >got &&
	cat >expect <<-\EOF &&
	-: 2024-06=OK 2024-05=60 2024-04=30 2024-03=OK 2024-02=OK 2024-01=OK 2023-12=CO 2023-11=OK 2023-10=OK 2023-09=OK 2023-08=OK 2023-07=OK 2023-06=OK 2023-05=OK 2023-04=OK 2023-03=OK 2023-02=OK 2023-01=OK
	-: 2024-03=OK 2024-02=30 2024-01=OK 2023-12=OK 2023-11=CO
	EOF
	test_cmp expect got &&
	tradelines ".creditor, .balance, .status" <out >got &&
	cat >expect <<-\EOF &&
	["ACME BANK",500,"Open"]
	["ZETA BANK",600,null]
	EOF
	test_cmp expect got
'

test_expect_success 'grids: a year'"'"'s row at the top of the next page, its codes in the margin, is no page counter' '
	page yeartop <<-\EOF | cc-extract 2>/dev/null >out &&
	50 600 200 612 12 b ACME BANK
	50 620 100 630 9 - Balance:
	120 620 160 630 9 - $100
	50 640 120 650 9 - Payment history
	100 660 115 668 7 - Jan
	130 660 145 668 7 - Feb
	160 660 175 668 7 - Mar
	190 660 205 668 7 - Apr
	220 660 235 668 7 - May
	250 660 265 668 7 - Jun
	280 660 295 668 7 - Jul
	310 660 325 668 7 - Aug
	340 660 355 668 7 - Sep
	370 660 385 668 7 - Oct
	400 660 415 668 7 - Nov
	430 660 445 668 7 - Dec
	50 670 75 678 7 - 2022
	100 670 112 678 7 - OK
	130 670 142 678 7 - OK
	160 670 172 678 7 - OK
	190 670 202 678 7 - OK
	220 670 232 678 7 - OK
	250 670 262 678 7 - OK
	280 670 292 678 7 - OK
	310 670 322 678 7 - OK
	340 670 352 678 7 - OK
	370 670 382 678 7 - OK
	400 670 412 678 7 - OK
	430 670 442 678 7 - OK
	50 680 75 688 7 - 2023
	100 680 112 688 7 - OK
	130 680 142 688 7 - OK
	160 680 172 688 7 - OK
	190 680 202 688 7 - OK
	220 680 232 688 7 - OK
	250 680 262 688 7 - OK
	280 680 292 688 7 - OK
	310 680 322 688 7 - OK
	340 680 352 688 7 - OK
	370 680 382 688 7 - OK
	400 680 412 688 7 - OK
	430 680 442 688 7 - OK
	--
	50 40 75 48 7 - 2024
	100 40 112 48 7 - OK
	130 40 142 48 7 - OK
	160 40 172 48 7 - OK
	190 40 202 48 7 - OK
	220 40 232 48 7 - OK
	250 40 262 48 7 - OK
	280 40 292 48 7 - OK
	310 40 322 48 7 - OK
	340 40 352 48 7 - OK
	370 40 382 48 7 - 30
	400 40 412 48 7 - 60
	430 40 442 48 7 - OK
	50 50 75 58 7 - 2025
	100 50 112 58 7 - OK
	130 50 142 58 7 - OK
	160 50 172 58 7 - OK
	190 50 202 58 7 - OK
	220 50 232 58 7 - OK
	250 50 262 58 7 - OK
	280 50 292 58 7 - OK
	310 50 322 58 7 - OK
	340 50 352 58 7 - OK
	370 50 382 58 7 - OK
	400 50 412 58 7 - OK
	430 50 442 58 7 - OK
	50 80 200 92 12 b ZETA BANK
	50 100 100 110 9 - Balance:
	120 100 160 110 9 - $5
	50 112 100 122 9 - Account #:
	120 112 160 122 9 - 9999XXXX
	EOF
	tradelines ".creditor, .negative, (.history | map(select(.s != \"OK\")) | map(\"\(.m)=\(.s)\") | join(\" \")), (.history | length)" <out >got &&
	cat >expect <<-\EOF &&
	["ACME BANK",true,"2024-11=60 2024-10=30",48]
	["ZETA BANK",false,"",0]
	EOF
	test_cmp expect got
'

# month_grid Y CODE: page lines of a Jan..Dec row at height Y over a
# row of 2025, all OK, and one of 2024, OK but June's CODE
month_grid() {
	awk -v y="$1" -v code="$2" 'BEGIN {
		split("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec", mon, " ")
		for (i = 1; i <= 12; i++)
			printf "%d %d %d %d 7.5 - %s\n", 103 + (i - 1) * 39, y, 115 + (i - 1) * 39, y + 9, mon[i]
		for (r = 0; r < 2; r++) {
			yy = y + 9 + r * 9
			printf "61 %d 78 %d 7.5 - %d\n", yy, yy + 9, 2025 - r
			for (i = 1; i <= 12; i++)
				printf "%d %d %d %d 7.5 - %s\n", 103 + (i - 1) * 39, yy, 114 + (i - 1) * 39,
					yy + 9, r == 1 && i == 6 ? code : "OK"
		}
	}'
}

# grid_account NAME MASK: a heading, its number and balance, and
# "Payment history" at the foot of the page
grid_account() {
	printf '%s\n' "50 660 160 671 10 b $1" "50 676 110 685 9 - Account No.:" \
		"178 676 250 685 9 - $2" "50 687 110 696 9 - Balance owed:" \
		"178 687 220 696 9 - \$100" "50 700 120 709 9 - Payment history"
}

test_expect_success 'grids: a grid that goes on at the top of the next page, its month and year rows at one height on three pages or more, is no running head' '
	{
		grid_account "ACME BANK" 1111XXXX && echo -- &&
		month_grid 48 30 && grid_account "ZETA BANK" 2222XXXX && echo -- &&
		month_grid 48 OK && grid_account "OMEGA BANK" 3333XXXX && echo -- &&
		month_grid 48 60
	} | page gridtops | cc-extract 2>/dev/null >out &&
	tradelines ".creditor, (.history | length), .negative" <out >got &&
	cat >expect <<-\EOF &&
	["ACME BANK",24,true]
	["ZETA BANK",24,false]
	["OMEGA BANK",24,true]
	EOF
	test_cmp expect got
'

test_expect_success 'grids: a row of check marks read as one line: each code under its month by characters, not bytes' '
	{ acme_account && cat <<-\EOF
	50 150 200 158 7 - √ = paid as agreed (OK)
	100 170 110 178 7 - '"'"'24
	208 170 218 178 7 - '"'"'25
	100 180 114 188 7 - Sep
	127 180 141 188 7 - Oct
	154 180 168 188 7 - Nov
	181 180 195 188 7 - Dec
	208 180 222 188 7 - Jan
	235 180 249 188 7 - Feb
	262 180 276 188 7 - Mar
	289 180 303 188 7 - Apr
	316 180 330 188 7 - May
	343 180 357 188 7 - Jun
	370 180 384 188 7 - Jul
	100 190 342 198 7 - √ √ √ √ √ √ √ √ 30 OK
	EOF
	} | page checks | cc-extract 2>/dev/null >out &&
	tradelines ".negative, (.history | map(select(.s == \"30\")) | map(.m))" <out >got &&
	echo "[true,[\"2025-04\"]]" >expect &&
	test_cmp expect got
'

test_expect_success 'grids: a bureau'"'"'s name glued to its row'"'"'s first check mark ("Experian√"): the row is that bureau'"'"'s' '
	page gluedname <<-\EOF | cc-extract 2>/dev/null >out &&
	50 100 200 110 10 b ACME BANK
	200 115 260 125 10 - TransUnion
	300 115 360 125 10 - Experian
	400 115 460 125 10 - Equifax
	50 130 100 140 10 - Account #:
	300 130 360 140 10 - 2222XXXX
	400 130 460 140 10 - 3333XXXX
	50 142 100 152 10 - Balance:
	300 142 360 152 10 - $2
	400 142 460 152 10 - $3
	53 160 160 168 7 - √ = paid as agreed (OK)
	82 172 90 180 7 - '"'"'23
	124 172 132 180 7 - '"'"'24
	82 182 92 190 7 - Nov
	103 182 113 190 7 - Dec
	124 182 134 190 7 - Jan
	145 182 155 190 7 - Feb
	166 182 176 190 7 - Mar
	187 182 197 190 7 - Apr
	53 192 86 200 7 - Experian√
	103 192 109 200 7 - √
	124 192 130 200 7 - √
	145 192 151 200 7 - √
	166 192 172 200 7 - √
	187 192 193 200 7 - √
	53 202 78 210 7 - Equifax
	82 202 90 210 7 - OK
	103 202 111 210 7 - OK
	124 202 132 210 7 - OK
	145 202 153 210 7 - 60
	166 202 174 210 7 - OK
	187 202 195 210 7 - OK
	EOF
	history <out >got &&
	cat >expect <<-\EOF &&
	experian: 2024-04=OK 2024-03=OK 2024-02=OK 2024-01=OK 2023-12=OK 2023-11=OK
	equifax: 2024-04=OK 2024-03=OK 2024-02=60 2024-01=OK 2023-12=OK 2023-11=OK
	EOF
	test_cmp expect got &&
	tradelines ".bureau, .account_mask, .balance, .negative" <out >got &&
	cat >expect <<-\EOF &&
	["experian","2222XXXX",200,false]
	["equifax","3333XXXX",300,true]
	EOF
	test_cmp expect got
'

test_expect_success 'grids: a bureau'"'"'s name glued to its row'"'"'s first letter code ("ExperianOK"): the row is that bureau'"'"'s' '
	page gluedcode <<-\EOF | cc-extract 2>/dev/null >out &&
	50 100 200 110 10 b ACME BANK
	200 115 260 125 10 - TransUnion
	300 115 360 125 10 - Experian
	400 115 460 125 10 - Equifax
	50 130 100 140 10 - Account #:
	300 130 360 140 10 - 2222XXXX
	400 130 460 140 10 - 3333XXXX
	50 142 100 152 10 - Balance:
	300 142 360 152 10 - $2
	400 142 460 152 10 - $3
	82 172 90 180 7 - '"'"'25
	103 172 111 180 7 - '"'"'24
	82 182 92 190 7 - Jan
	103 182 113 190 7 - Dec
	124 182 134 190 7 - Nov
	145 182 155 190 7 - Oct
	166 182 176 190 7 - Sep
	187 182 197 190 7 - Aug
	53 192 91 200 7 - ExperianOK
	103 192 111 200 7 - OK
	124 192 132 200 7 - 30
	145 192 153 200 7 - OK
	166 192 174 200 7 - OK
	187 192 195 200 7 - OK
	53 202 78 210 7 - Equifax
	82 202 90 210 7 - OK
	103 202 111 210 7 - OK
	124 202 132 210 7 - OK
	145 202 153 210 7 - OK
	166 202 174 210 7 - OK
	187 202 195 210 7 - OK
	EOF
	history <out >got &&
	cat >expect <<-\EOF &&
	experian: 2025-01=OK 2024-12=OK 2024-11=30 2024-10=OK 2024-09=OK 2024-08=OK
	equifax: 2025-01=OK 2024-12=OK 2024-11=OK 2024-10=OK 2024-09=OK 2024-08=OK
	EOF
	test_cmp expect got &&
	tradelines ".bureau, .account_mask, .balance, .negative" <out >got &&
	cat >expect <<-\EOF &&
	["experian","2222XXXX",200,true]
	["equifax","3333XXXX",300,false]
	EOF
	test_cmp expect got
'

test_expect_success 'grids: a legend OCR read without its spaces ("V= paid as agreed (OK)"): V is a check mark, not a surrender' '
	{ acme_account && cat <<-\EOF
	50 150 200 158 7 - V= paid as agreed (OK)
	100 170 110 178 7 - '"'"'25
	100 180 114 188 7 - Jan
	127 180 141 188 7 - Feb
	154 180 168 188 7 - Mar
	181 180 195 188 7 - Apr
	208 180 222 188 7 - May
	235 180 249 188 7 - Jun
	262 180 276 188 7 - Jul
	289 180 303 188 7 - Aug
	100 190 106 198 7 - V
	127 190 133 198 7 - V
	154 190 160 198 7 - V
	181 190 187 198 7 - V
	208 190 214 198 7 - V
	235 190 241 198 7 - V
	262 190 268 198 7 - V
	289 190 295 198 7 - V
	EOF
	} | page vlegend | ocr | cc-extract 2>/dev/null >out &&
	tradelines ".negative, .reasons, (.history | map(.s) | unique)" <out >got &&
	echo "[false,[],[\"OK\"]]" >expect &&
	test_cmp expect got
'

test_expect_success 'grids: a year mark OCR misread ("95 for '"'"'25) is its neighbour'"'"'s year and one' '
	{ acme_account && cat <<-\EOF
	50 50 250 60 9 - Report date: 01/15/2026
	65 170 74 176 8 - "95
	537 170 547 176 8 - '"'"'26
	64 180 76 188 8 - Feb
	107 180 119 188 8 - Mar
	150 180 162 188 8 - Apr
	193 180 205 188 8 - May
	236 180 248 188 8 - Jun
	279 180 291 188 8 - Jul
	322 180 334 188 8 - Aug
	365 180 377 188 8 - Sep
	408 180 420 188 8 - Oct
	451 180 463 188 8 - Nov
	494 180 506 188 8 - Dec
	537 180 549 188 8 - Jan
	65 190 75 198 8 - OK
	108 190 118 198 8 - OK
	151 190 161 198 8 - OK
	194 190 204 198 8 - OK
	237 190 247 198 8 - OK
	280 190 290 198 8 - OK
	323 190 333 198 8 - OK
	366 190 376 198 8 - OK
	409 190 419 198 8 - 30
	452 190 462 198 8 - OK
	495 190 505 198 8 - OK
	538 190 548 198 8 - OK
	EOF
	} | page marks | ocr | cc-extract 2>/dev/null >out &&
	tradelines ".negative, (.history | map(select(.s != \"OK\")) | map(\"\(.m)=\(.s)\") | join(\" \")), (.history | length)" <out >got &&
	echo "[true,\"2025-10=30\",12]" >expect &&
	test_cmp expect got
'

test_expect_success 'grids: months OCR read as one line, a code under each: one for one, QK an OK' '
	{ acme_account && cat <<-\EOF
	50 50 250 60 9 - Report date: 01/15/2026
	65 170 74 176 8 - '"'"'25
	60 180 560 188 8 - Jan Feb Mar — Apr May Jun Jul Aug Sep Oct Nov Dec
	62 190 72 198 8 - OK
	105 190 115 198 8 - QK
	148 190 158 198 8 - OK
	191 190 201 198 8 - OK
	234 190 244 198 8 - OK
	277 190 287 198 8 - OK
	320 190 330 198 8 - OK
	363 190 373 198 8 - OK
	406 190 416 198 8 - OK
	449 190 459 198 8 - 30
	492 190 502 198 8 - OK
	535 190 545 198 8 - OK
	EOF
	} | page order | ocr | cc-extract 2>/dev/null >out &&
	tradelines "(.history | map(select(.s != \"OK\")) | map(\"\(.m)=\(.s)\") | join(\" \")), (.history | length)" <out >got &&
	echo "[\"2025-10=30\",12]" >expect &&
	test_cmp expect got
'

# --- what is no data -----------------------------------------------------------

test_expect_success 'a browser'"'"'s print header and foot in the margins dropped; a date mid-page kept' '
	page margins <<-\EOF | cc-extract 2>/dev/null >out &&
	50 100 200 110 10 b ACME BANK
	50 600 100 610 10 - Account number
	110 600 150 610 10 - 1234XXXX
	50 612 100 622 10 - Balance
	110 612 150 622 10 - $5
	50 700 100 710 10 - Comment
	110 702 300 712 10 - Paid as agreed
	110 714 300 724 8 - https://www.example.com/report/view?id=1
	110 726 140 736 8 - 1/2
	--
	110 10 300 20 8 - 1/15/26, 3:04 PM Credit Report
	50 22 200 32 10 - Zeta Bank
	50 34 100 44 10 - Account number
	110 34 150 44 10 - 5678XXXX
	50 300 100 310 10 - Balance
	110 300 150 310 10 - $6
	50 312 100 322 10 - Date reported
	110 312 150 322 10 - 04/2024
	110 770 140 780 8 - Page 2 of 2
	EOF
	tradelines ".creditor, .account_mask, .balance, .remarks, .reported" <out >got &&
	cat >expect <<-\EOF &&
	["ACME BANK","1234XXXX",500,"Paid as agreed",null]
	["Zeta Bank","5678XXXX",600,null,"2024-04"]
	EOF
	test_cmp expect got
'

test_expect_success 'a page counter beside a browser'"'"'s address in the foot ("4/8") dropped: the year rows at the top of the next page go on with the grid' '
	{
		echo "50 650 200 662 12 b ACME BANK" &&
		echo "50 670 100 680 9 - Balance:" &&
		echo "120 670 160 680 9 - \$100" &&
		echo "50 690 120 700 9 - Payment history" &&
		x=100 &&
		for m in Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec; do
			echo "$x 710 $((x + 15)) 718 7 - $m" && x=$((x + 30)) || exit 1
		done &&
		echo "50 720 75 728 7 - 2023" &&
		x=100 &&
		for c in OK OK OK OK OK OK OK OK OK OK OK OK; do
			echo "$x 720 $((x + 12)) 728 7 - $c" && x=$((x + 30)) || exit 1
		done &&
		echo "18 774 215 784 8 - https://member.example/reports/print" &&
		echo "584 774 594 784 8 - 4/8" &&
		echo "--" &&
		echo "50 40 75 48 7 - 2024" &&
		x=100 &&
		for c in OK OK OK OK OK OK OK OK OK 30 60 OK; do
			echo "$x 40 $((x + 12)) 48 7 - $c" && x=$((x + 30)) || exit 1
		done &&
		echo "50 80 200 92 12 b ZETA BANK" &&
		echo "50 100 100 110 9 - Balance:" &&
		echo "120 100 160 110 9 - \$5" &&
		echo "50 112 100 122 9 - Account #:" &&
		echo "120 112 160 122 9 - 9999XXXX" &&
		echo "18 774 215 784 8 - https://member.example/reports/print" &&
		echo "584 774 594 784 8 - 5/8"
	} >foot.spec &&
	page foot <foot.spec | cc-extract 2>/dev/null >out &&
	tradelines ".creditor, .negative, (.history | map(select(.s != \"OK\")) | map(\"\(.m)=\(.s)\") | join(\" \")), (.history | length)" <out >got &&
	cat >expect <<-\EOF &&
	["ACME BANK",true,"2024-11=60 2024-10=30",24]
	["ZETA BANK",false,"",0]
	EOF
	test_cmp expect got
'

test_expect_success 'a bare number in the top margin under a pair ("Bankruptcy Chapter" over "13") is no page counter: a public record from the page before, chapter 13' '
	page chapter <<-\EOF | cc-extract 2>/dev/null >out &&
	48 100 200 110 10 b ACME BANK
	48 115 100 125 10 - Balance
	110 115 150 125 10 - $5
	48 130 100 140 10 - Account number
	110 130 150 140 10 - 1234XXXX
	48 690 160 702 12 b Public Records
	48 720 300 730 9 b US BANKRUPTCY COURT NORTHERN DISTRICT
	--
	48 48 70 55 7.3 - Type:
	134 48 212 55 7.3 - Bankruptcy Chapter
	220 48 294 55 7.3 - Reference number:
	306 48 353 55 7.3 - 16-BK-31634
	391 48 439 55 7.3 - Date filed:
	477 48 512 55 7.3 - Oct 2015
	134 56 142 63 7.3 - 13
	48 65 109 72 7.3 - Date resolved:
	134 65 138 72 7.3 - -
	EOF
	jq -c "select(.kind==\"public_record\") | [.court, .type, .filed, .reference, .reasons]" out >got &&
	echo "[\"US BANKRUPTCY COURT NORTHERN DISTRICT\",\"bankruptcy_13\",\"2015-10\",\"16-BK-31634\",[\"bankruptcy\"]]" >expect &&
	test_cmp expect got &&
	tradelines ".creditor, .balance" <out >got &&
	echo "[\"ACME BANK\",500]" >expect &&
	test_cmp expect got
'

test_expect_success 'a paragraph of prose dropped (not part of the heading under it), and a sentence alone on its row; a status sentence kept' '
	page prose <<-\EOF | cc-extract 2>/dev/null >out &&
	50 100 500 110 10 - Account details
	50 120 500 130 10 - the following lines are about how to read the table below and are not data
	50 131 500 141 10 - that anyone should keep. It goes on for quite a while.
	50 142 200 152 10 - Acme Bank
	50 153 100 163 10 - Account number
	110 153 150 163 10 - 1234XXXX
	50 164 100 174 10 - Balance
	110 164 150 174 10 - $5
	50 200 300 210 10 - These accounts are listed as the lenders report them.
	50 221 200 231 10 - ZETA BANK
	50 232 100 242 10 - Account number
	110 232 150 242 10 - 5678XXXX
	50 243 100 253 10 - Status
	110 243 400 253 10 - Account legally paid in full for less than the full balance.
	EOF
	tradelines ".creditor, .account_mask, .balance, .status" <out >got &&
	cat >expect <<-\EOF &&
	["Acme Bank","1234XXXX",500,null]
	["ZETA BANK","5678XXXX",null,"Account legally paid in full for less than the full balance."]
	EOF
	test_cmp expect got
'

test_expect_success 'a running head of the consumer'"'"'s labels read once; the bureau named in the first lines the document'"'"'s' '
	page head <<-\EOF | cc-extract 2>/dev/null >out &&
	50 30 500 40 9 - Prepared for: JANE Q DOE Date generated: 01/15/2026 Report number: 2233-4455
	50 45 300 55 9 - Experian credit report
	50 100 200 110 10 b ACME BANK
	50 115 100 125 10 - Balance
	110 115 150 125 10 - $5
	50 130 100 140 10 - Account number
	110 130 150 140 10 - 1234XXXX
	--
	50 30 500 40 9 - Prepared for: JANE Q DOE Date generated: 01/15/2026 Report number: 2233-4455
	50 100 200 110 10 b ZETA BANK
	50 115 100 125 10 - Balance
	110 115 150 125 10 - $6
	50 130 100 140 10 - Account number
	110 130 150 140 10 - 5678XXXX
	50 145 300 155 10 - Equifax data furnished
	--
	50 30 500 40 9 - Prepared for: JANE Q DOE Date generated: 01/15/2026 Report number: 2233-4455
	50 100 200 110 10 b OMEGA BANK
	50 115 100 125 10 - Balance
	110 115 150 125 10 - $7
	50 130 100 140 10 - Account number
	110 130 150 140 10 - 9999XXXX
	EOF
	jq -c "select(.kind==\"consumer\") | [.bureau, .name, .report_date, .report_number]" out >got &&
	echo "[\"experian\",\"JANE Q DOE\",\"2026-01-15\",\"2233-4455\"]" >expect &&
	test_cmp expect got &&
	tradelines ".bureau, .creditor, .account_mask, .balance" <out >got &&
	cat >expect <<-\EOF &&
	["experian","ACME BANK","1234XXXX",500]
	["experian","ZETA BANK","5678XXXX",600]
	["experian","OMEGA BANK","9999XXXX",700]
	EOF
	test_cmp expect got
'

test_expect_success 'a creditor'"'"'s heading at the same place at the top of two pages of three, under their running head, is no running head: two accounts of one creditor' '
	page twoheads <<-\EOF | cc-extract 2>/dev/null >out &&
	50 45 300 55 9 - Experian credit report
	50 100 200 110 10 b ACME BANK
	50 115 100 125 10 - Account number
	110 115 150 125 10 - 1234XXXX
	50 130 100 140 10 - Balance
	110 130 150 140 10 - $5
	--
	50 30 500 40 9 - Prepared for: JANE Q DOE Date generated: 01/15/2026 Report number: 2233-4455
	50 50 200 60 10 b US BANK
	50 65 100 75 10 - Account number
	110 65 150 75 10 - 4037XXXX
	50 80 100 90 10 - Balance
	110 80 150 90 10 - $6
	--
	50 30 500 40 9 - Prepared for: JANE Q DOE Date generated: 01/15/2026 Report number: 2233-4455
	50 50 200 60 10 b US BANK
	50 65 100 75 10 - Account number
	110 65 150 75 10 - 4147XXXX
	50 80 100 90 10 - Balance
	110 80 150 90 10 - $7
	EOF
	tradelines ".creditor, .account_mask, .balance" <out >got &&
	cat >expect <<-\EOF &&
	["ACME BANK","1234XXXX",500]
	["US BANK","4037XXXX",600]
	["US BANK","4147XXXX",700]
	EOF
	test_cmp expect got
'

test_expect_success 'a running head of two lines on every page of two (a print time over "Prepared for: ..."): read once, on page 1; on page 2, inside the inquiries, no inquiry' '
	page headtwo <<-\EOF | cc-extract 2>/dev/null >out &&
	18 6 90 14 8 - 1/15/26, 9:19 AM
	50 34 540 43 9 - Prepared for: JOHN R MOCKINGTON Date generated: 01/15/2026 Report number: 1325-888778
	50 100 200 110 10 b ACME BANK
	50 115 100 125 10 - Balance
	110 115 150 125 10 - $5
	50 130 100 140 10 - Account number
	110 130 150 140 10 - 1234XXXX
	50 700 180 712 12 b Regular Inquiries
	50 720 150 730 10 - CARMAX AUTO FINANCE
	220 720 330 730 10 - Inquired on March 1, 2024
	--
	18 6 90 14 8 - 1/15/26, 9:19 AM
	50 34 540 43 9 - Prepared for: JOHN R MOCKINGTON Date generated: 01/15/2026 Report number: 1325-888778
	50 60 80 70 10 - SYNCB
	220 60 330 70 10 - Inquired on December 3, 2024
	EOF
	jq -c "select(.kind==\"consumer\") | [.name, .report_date, .report_number]" out >got &&
	echo "[\"JOHN R MOCKINGTON\",\"2026-01-15\",\"1325-888778\"]" >expect &&
	test_cmp expect got &&
	jq -c "select(.kind==\"inquiry\") | [.creditor, .date, .src.page]" out >got &&
	cat >expect <<-\EOF &&
	["CARMAX AUTO FINANCE","2024-03-01",1]
	["SYNCB","2024-12-03",2]
	EOF
	test_cmp expect got &&
	tradelines ".creditor, .balance" <out >got &&
	echo "[\"ACME BANK\",500]" >expect &&
	test_cmp expect got
'

# --- inquiries and public records ----------------------------------------------

test_expect_success 'inquiries: a creditor over "Inquired on DATE"; a row of a creditor, a date and a bureau' '
	page inq <<-\EOF | cc-extract 2>/dev/null >out &&
	50 100 200 110 10 b ACME BANK
	50 115 100 125 10 - Balance
	110 115 150 125 10 - $5
	50 130 100 140 10 - Account number
	110 130 150 140 10 - 1234XXXX
	50 200 200 212 12 b Hard inquiries
	50 220 200 230 10 - ZETA FINANCE
	50 232 100 242 10 - Inquired on
	110 232 150 242 10 - 01/15/2025
	50 250 200 260 10 - OMEGA AUTO LLC
	250 250 300 260 10 - 02/03/2025
	350 250 400 260 10 - Equifax
	50 262 200 272 10 - DELTA BANK
	250 262 300 272 10 - 03/04/2025
	350 262 400 272 10 - TransUnion
	EOF
	jq -c "select(.kind==\"inquiry\") | [.layout, .creditor, .date, .bureau, .type]" out >got &&
	cat >expect <<-\EOF &&
	[null,"ZETA FINANCE","2025-01-15",null,"hard"]
	[null,"OMEGA AUTO LLC","2025-02-03","equifax","hard"]
	[null,"DELTA BANK","2025-03-04","transunion","hard"]
	EOF
	test_cmp expect got
'

test_expect_success 'OCR: a heading whose dash reads as two ("INQUIRIES —- LAST 24 MONTHS"); a running head'"'"'s number and name one line; a report'"'"'s date after its number, no colon, on a line of its own; a 0 alone in a name an O' '
	page ocrhead <<-\EOF | ocr | cc-extract 2>/dev/null >out &&
	46 33 170 40 8 - FILE #9158-865162 DOEMAN, JAMES E
	46 83 235 93 12 - MORTGAGE CREDIT REPORT
	46 116 390 123 8 - FILE NO. 9158-865162 DATE COMPLETED 01/15/2026 REPOSITORIES USED XP/TU/EF
	46 140 98 147 8 - BORROWER:
	306 140 386 147 8 - DOEMAN, JAMES 0
	50 200 200 212 12 - ACME BANK
	50 215 100 225 10 - Balance
	110 215 150 225 10 - $5
	50 230 100 240 10 - Account number
	110 230 150 240 10 - 1234XXXX
	43 281 198 290 10 - INQUIRIES —- LAST 24 MONTHS
	43 300 86 307 8 - CREDITOR
	218 300 239 307 8 - DATE
	394 300 425 307 8 - SOURCE
	43 320 113 327 8 - DISCOVER BANK
	218 320 244 327 8 - 03/24
	393 320 403 327 8 - EF
	43 340 118 347 8 - ALLY FINANCIAL
	218 340 244 347 8 - 02/24
	393 340 403 347 8 - XP
	EOF
	jq -c "select(.kind==\"consumer\") | [.name, .report_number, .report_date]" out >got &&
	jq -c "select(.kind==\"inquiry\") | [.creditor, .date, .bureau]" out >>got &&
	cat >expect <<-\EOF &&
	["DOEMAN, JAMES O","9158-865162","2026-01-15"]
	["DISCOVER BANK","2024-03","equifax"]
	["ALLY FINANCIAL","2024-02","experian"]
	EOF
	test_cmp expect got
'

test_expect_success 'inquiries: a bureau'"'"'s name run into the date ("Inquired on December 3, 2024 Equifax") is the inquiry'"'"'s bureau, not part of its creditor' '
	page inqrun <<-\EOF | cc-extract 2>/dev/null >out &&
	49 100 200 110 10 b ACME BANK
	49 115 100 125 10 - Balance
	110 115 150 125 10 - $5
	49 130 100 140 10 - Account number
	110 130 150 140 10 - 1234XXXX
	49 200 180 212 12 b Regular Inquiries
	49 220 150 230 10 - CARMAX AUTO FINANCE
	220 220 330 230 10 - Inquired on March 1, 2024
	391 220 440 230 10 - TransUnion
	49 235 80 245 10 - SYNCB
	220 235 432 245 10 - Inquired on December 3, 2024 Equifax
	EOF
	jq -c "select(.kind==\"inquiry\") | [.creditor, .date, .bureau, .type]" out >got &&
	cat >expect <<-\EOF &&
	["CARMAX AUTO FINANCE","2024-03-01","transunion","hard"]
	["SYNCB","2024-12-03","equifax","hard"]
	EOF
	test_cmp expect got
'

test_expect_success 'public records read as accounts are: the court the heading, labels of their own' '
	page pub <<-\EOF | cc-extract 2>/dev/null >out &&
	50 20 200 30 10 - Experian credit report
	50 100 200 110 10 b ACME BANK
	50 115 100 125 10 - Balance
	110 115 150 125 10 - $5
	50 130 100 140 10 - Account number
	110 130 150 140 10 - 1234XXXX
	50 200 200 212 12 b Public records
	50 220 200 230 10 b US BANKRUPTCY COURT NJ
	50 232 100 242 10 - Type
	110 232 250 242 10 - Bankruptcy Chapter 7
	50 244 100 254 10 - Date filed
	110 244 150 254 10 - 05/2019
	50 256 100 266 10 - Reference number
	110 256 150 266 10 - 1900012345
	50 268 100 278 10 - Amount
	110 268 150 278 10 - $12,000
	EOF
	jq -c "select(.kind==\"public_record\") | [.bureau, .court, .type, .filed, .amount, .reference, .reasons, .removal_date]" out >got &&
	echo "[\"experian\",\"US BANKRUPTCY COURT NJ\",\"bankruptcy_7\",\"2019-05\",1200000,\"1900012345\",[\"bankruptcy\"],\"2029-05\"]" >expect &&
	test_cmp expect got &&
	tradelines ".creditor, .balance" <out >got &&
	echo "[\"ACME BANK\",500]" >expect &&
	test_cmp expect got
'

test_expect_success 'public records: a label'"'"'s first word at a line'"'"'s end ("Bankruptcy Chapter 7 REFERENCE") that the line right under it completes ("NUMBER"), with no value of its own: the type and the reference read' '
	page refnum <<-\EOF | cc-extract 2>/dev/null >out &&
	44 200 140 212 12 b Public Records
	44 225 160 235 10 b US BANKRUPTCY COURT
	44 246 65 254 8.5 b TYPE
	131 246 267 254 8.5 - Bankruptcy Chapter 7 REFERENCE
	306 246 355 254 8.5 - 16-BK-86235
	393 246 441 254 8.5 b DATE FILED
	480 246 513 254 8.5 - 04/2021
	218 256 255 264 8.5 b NUMBER
	44 266 113 274 8.5 b DATE RESOLVED
	131 266 134 274 8.5 - -
	218 266 256 274 8.5 b AMOUNT
	306 266 308 274 8.5 - -
	EOF
	jq -c "select(.kind==\"public_record\") | [.court, .type, .filed, .reference, .reasons, .removal_date]" out >got &&
	echo "[\"US BANKRUPTCY COURT\",\"bankruptcy_7\",\"2021-04\",\"16-BK-86235\",[\"bankruptcy\"],\"2031-04\"]" >expect &&
	test_cmp expect got
'

# --- layouts are hints -------------------------------------------------------

test_expect_success 'a layout is a hint: half or all of its phrases found, the generic reading wins when it reads more accounts well' '
	cat >hint.spec <<-\EOF &&
	50 30 300 40 10 - Experian Credit Report
	50 60 300 72 12 b Accounts in good standing
	50 100 120 110 10 b ACME BANK
	50 120 100 130 10 - Account #
	150 120 200 130 10 - Balance
	250 120 300 130 10 - Opened
	50 135 100 145 10 - 1234XXXX
	150 135 200 145 10 - $1,200
	250 135 300 145 10 - 03/2019
	EOF
	page hint <hint.spec >pages &&
	cc-extract pages >out 2>err &&
	echo "cc-extract: hint: not a layout cc-extract knows (best match 50%, experian); read as labels and values, experian'"'"'s first" >expect &&
	test_cmp expect err &&
	tradelines ".layout, .bureau, .creditor, .account_mask, .balance, .opened" <out >got &&
	echo "[null,\"experian\",\"ACME BANK\",\"1234XXXX\",120000,\"2019-03\"]" >expect &&
	test_cmp expect got &&
	cc-extract -L experian pages >out 2>err &&
	echo "cc-extract: hint: page 1: an accounts section, but no account read: a design cc-extract cannot read" >expect &&
	test_cmp expect err &&
	test $(grep -c "^{\"kind\":\"tradeline\"" out) -eq 0 &&
	{ cat hint.spec && cat <<-\EOF
	50 200 300 212 12 b Potentially negative
	50 300 300 312 12 b Hard inquiries
	EOF
	} | page hint >pages &&
	cc-extract pages >out 2>err &&
	echo "cc-extract: hint: not a layout cc-extract knows (best match 100%, experian); read as labels and values, experian'"'"'s first" >expect &&
	test_cmp expect err &&
	tradelines ".layout, .creditor, .balance" <out >got &&
	echo "[null,\"ACME BANK\",120000]" >expect &&
	test_cmp expect got
'

test_expect_success 'a layout is a hint: its reading, names with the address and telephone under the heading in them, loses to the generic reading' '
	cc-synth -o m3hint -n 107 -s 1818 -l merged3 --design random --no-progress >/dev/null &&
	cc-ingest m3hint/merged3-1818-00106.pdf | cc-ocr --no-cache >m3hint.pages &&
	cc-extract m3hint.pages >m3hint.out 2>m3hint.err &&
	echo "cc-extract: m3hint/merged3-1818-00106.pdf: not a layout cc-extract knows (best match 50%, merged3); read as labels and values, merged3'"'"'s first" >expect &&
	test_cmp expect m3hint.err &&
	! jq -r "select(.kind==\"tradeline\") | .creditor" m3hint.out | grep "[(]" &&
	cc-score --truth m3hint/truth.ndjson m3hint.out 2>/dev/null |
		jq -c ".overall.tradelines | [.truth, .extracted, .matched]" >got &&
	echo "[121,121,121]" >expect &&
	test_cmp expect got
'

test_expect_success '--list-layouts ends with generic' '
	cc-extract --list-layouts >out &&
	tail -n 1 out >got &&
	echo generic >expect &&
	test_cmp expect got
'

test_expect_success '--layout generic on the committed Experian reports: the tradelines and balances the layout reads' '
	mkdir xp &&
	cp "$C"/text/experian-*.pdf xp/ &&
	cc-ingest xp | cc-ocr --no-cache >xp.pages &&
	cc-extract xp.pages >auto 2>err &&
	test_cmp /dev/null err &&
	cc-extract --layout generic xp.pages >gen 2>err &&
	test_cmp /dev/null err &&
	jq -r "select(.kind==\"tradeline\") | .conf" gen | sort -u >got &&
	echo 1 >expect &&
	test_cmp expect got &&
	key="select(.kind==\"tradeline\") | [.doc, .bureau, .creditor, .account_mask, .balance] | @tsv" &&
	jq -r "$key" auto | sort >expect &&
	test $(wc -l <expect) -eq 32 &&
	jq -r "$key" gen | sort >got &&
	test_cmp expect got &&
	jq -r "select(.kind==\"tradeline\") | .layout" gen | sort -u >got &&
	echo null >expect &&
	test_cmp expect got
'

# --- hostile pages --------------------------------------------------------------

test_expect_success 'a label 5000 times in a row, lines of 100 KB, a heading of 10000 rows: done in time, valid JSON' '
	jq -n -c "{kind: \"page\", v: 1, doc: \"h1\", page: 1, source: \"text\", width: 612, height: 792,
		dpi: null, conf: null, lines: (
		[{t: \"ACME BANK\", b: [50, 100, 200, 110], f: \"b\"},
		 {t: \"Account number\", b: [50, 112, 100, 122]}, {t: \"1234XXXX\", b: [110, 112, 150, 122]}] +
		[range(5000) as \$i | {t: \"Balance\", b: [(50 + \$i * 0.1), 130, (50.05 + \$i * 0.1), 140]}] +
		[{t: \"Balance\", b: [50, 150, 100, 160]}, {t: \"\$5\", b: [110, 150, 150, 160]}])}" >many &&
	jq -n -c "{kind: \"page\", v: 1, doc: \"h2\", page: 1, source: \"text\", width: 612, height: 792,
		dpi: null, conf: null, lines: [
		{t: \"ACME BANK\", b: [50, 100, 200, 110], f: \"b\"},
		{t: (\"Account #: 1234XXXX Balance: \$1 \" * 3200), b: [50, 130, 560, 140]},
		{t: (\"Comment: \" + (\"x\" * 100000)), b: [50, 150, 560, 160]}]}" >long &&
	test $(wc -c <long) -gt 200000 &&
	jq -n -c "{kind: \"page\", v: 1, doc: \"h3\", page: 1, source: \"text\", width: 612, height: 200000,
		dpi: null, conf: null, lines: (
		[range(10000) as \$i | {t: \"ACME BANK OF THE LONG NAME\", b: [50, (100 + \$i * 11), 200, (110 + \$i * 11)], f: \"b\", s: 10}] +
		[{t: \"Account number\", b: [50, 110100, 100, 110110], s: 10}, {t: \"1234XXXX\", b: [110, 110100, 150, 110110], s: 10},
		 {t: \"Balance\", b: [50, 110112, 100, 110122], s: 10}, {t: \"\$5\", b: [110, 110112, 150, 110122], s: 10}])}" >tall &&
	timeout 60 cc-extract many long tall >out 2>err &&
	test $(grep -c "^cc-extract: h[123]: not a layout cc-extract knows" err) -eq 3 &&
	jq -e . out >/dev/null &&
	jq -c "select(.kind==\"tradeline\") | [.doc, (.creditor | length), .creditor[0:26], .account_mask, .balance, (.remarks // \"\" | test(\"^x*$\"))]" out >got &&
	cat >expect <<-\EOF &&
	["h1",9,"ACME BANK","1234XXXX",500,true]
	["h2",9,"ACME BANK","1234XXXX",100,true]
	["h3",269999,"ACME BANK OF THE LONG NAME","1234XXXX",500,true]
	EOF
	test_cmp expect got
'

# --- random designs -------------------------------------------------------------

test_expect_success 'random designs (cc-synth --design random), Experian and three-bureau: read back, recall at least 90%' '
	for l in experian merged3; do
		cc-synth -o $l -n 3 -s 7 --design random -l $l --no-progress >/dev/null &&
		cc-ingest $l/*.pdf | cc-ocr --no-cache >$l.pages &&
		cc-extract $l.pages >$l.out 2>$l.err &&
		test $(grep -c "^cc-extract: $l/$l-7-0000[0-2].pdf: not a layout cc-extract knows" $l.err) -eq 3 &&
		cc-score --truth $l/truth.ndjson --min-recall 0.9 $l.out >$l.score 2>/dev/null &&
		test $(jq .overall.docs $l.score) -eq 3 || exit 1
	done
'

test_done
