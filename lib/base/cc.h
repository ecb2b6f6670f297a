/*
 * cc.h -- what every lib/ and cmd/ source includes first.
 *
 * It pulls in the system headers that declare the functions banned.h
 * bans, before banned.h, so that later includes cannot trip over it.
 */
#ifndef CC_H
#define CC_H

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/types.h>

#include "base/exitcodes.h"
#include "base/error.h"
#include "base/util.h"

#include "base/banned.h"

#endif
