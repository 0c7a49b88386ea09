/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LS_ERROR (ls_error_quark ())

/**
 * LsError:
 * @LS_ERROR_INVALID_DATE: a date or time is not a valid date or time
 * @LS_ERROR_DATE_IN_FUTURE: a date lies in the future where it cannot
 * @LS_ERROR_OCCURRED_AFTER_REPORT: the occurrence is dated after the report
 * @LS_ERROR_INVALID_PNR: a personal identity number is wrong
 * @LS_ERROR_EMPTY_FIELD: a required field is empty
 * @LS_ERROR_UNKNOWN_UNIT: the case names a unit the organisation lacks
 * @LS_ERROR_INVALID_REGNO: a registration number is malformed
 * @LS_ERROR_INVALID_VALUE: a value is malformed (an e-mail address, a
 *   postcode, an identifier)
 * @LS_ERROR_UNKNOWN_VALUE: a value is not one of the allowed ones
 * @LS_ERROR_BAD_DOCUMENT: an exchange document is not well-formed
 * @LS_ERROR_UNSUPPORTED_VERSION: an exchange document is of a newer version
 * @LS_ERROR_INCOMPLETE: the law still requires something before this step
 * @LS_ERROR_LOCKED: a concluded investigation would change without being
 *   reopened
 * @LS_ERROR_REASON_REQUIRED: a case changes after its conclusion or its
 *   notification, and nobody said why
 *
 * The model's errors: one code per kind of bad input.  Messages are
 * translated and written for a manager, not a programmer.
 */
typedef enum
{
  LS_ERROR_INVALID_DATE,
  LS_ERROR_DATE_IN_FUTURE,
  LS_ERROR_OCCURRED_AFTER_REPORT,
  LS_ERROR_INVALID_PNR,
  LS_ERROR_EMPTY_FIELD,
  LS_ERROR_UNKNOWN_UNIT,
  LS_ERROR_INVALID_REGNO,
  LS_ERROR_INVALID_VALUE,
  LS_ERROR_UNKNOWN_VALUE,
  LS_ERROR_BAD_DOCUMENT,
  LS_ERROR_UNSUPPORTED_VERSION,
  LS_ERROR_INCOMPLETE,
  LS_ERROR_LOCKED,
  LS_ERROR_REASON_REQUIRED,
} LsError;

GQuark ls_error_quark (void);

G_END_DECLS
