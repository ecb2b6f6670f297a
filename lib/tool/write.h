/*
 * write.h -- records on stdout: compact NDJSON, buffered unless asked
 * not to be.  The tool layer's (lib/ never prints); stdout has one writer
 * at a time, the tool's thread or the driver's writer thread.
 */
#ifndef CC_WRITE_H
#define CC_WRITE_H

#include <stddef.h>
#include <jansson.h>

/* Set up stdout: a large buffer, or a flush after every record.  Call it
 * before the first output; a later call only changes the flushing. */
void cc_writer_init(int unbuffered);

/* Write one record as a compact line.  0, or CC_ERR_IO. */
int cc_write_json(json_t *rec);
/* Write a line read from input as it was.  0, or CC_ERR_IO. */
int cc_write_raw(const char *line, size_t len);

#endif
