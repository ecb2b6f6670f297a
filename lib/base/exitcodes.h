/*
 * exitcodes.h -- the exit status of every cc tool (cc(7), EXIT STATUS).
 * Every man page's EXIT STATUS section lists the same values.
 */
#ifndef CC_EXITCODES_H
#define CC_EXITCODES_H

enum cc_exit {
	CC_EXIT_OK = 0,           /* all records processed */
	CC_EXIT_REJECTED = 1,     /* finished; some inputs rejected (error records) */
	CC_EXIT_USAGE = 2,        /* bad command line */
	CC_EXIT_DATAERR = 65,     /* data unusable as a whole (bad config) */
	CC_EXIT_NOINPUT = 66,     /* no input */
	CC_EXIT_UNAVAILABLE = 69, /* a needed service is unavailable */
	CC_EXIT_IOERR = 74,       /* I/O error, a failed write to stdout included */
	CC_EXIT_TEMPFAIL = 75,    /* temporary failure, safe to retry */
};

#endif
