/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * LsDatesFormat:
 * @LS_DATES_DATE: a day, "2026-03-01"
 * @LS_DATES_DATETIME: a moment with its time zone,
 *   "2026-03-01T22:30:00+01:00"
 *
 * Which forms a value may take; a field where the time may be unknown
 * allows both.
 */
typedef enum
{
  LS_DATES_DATE = 1 << 0,
  LS_DATES_DATETIME = 1 << 1,
} LsDatesFormat;

/* clang-format off */
gboolean   ls_dates_validate        (const char     *value,
                                     LsDatesFormat   formats,
                                     GError        **error);
char      *ls_dates_parse_user      (const char     *text,
                                     LsDatesFormat   formats,
                                     GError        **error);
gboolean   ls_dates_has_time        (const char     *value);
gboolean   ls_dates_get_day         (const char     *value,
                                     GDate          *day);
GDateTime *ls_dates_to_date_time    (const char     *value);
int        ls_dates_compare         (const char     *a,
                                     const char     *b);
gboolean   ls_dates_is_future       (const char     *value,
                                     GDateTime      *now);
char      *ls_dates_add_months      (const char     *value,
                                     guint           months);
char      *ls_dates_format_day      (const GDate    *day);
GDateTime *ls_dates_now_local       (void);
char      *ls_dates_dup_today       (GDateTime      *now);
char      *ls_dates_dup_now         (GDateTime      *now);
char      *ls_dates_format_display  (const char     *value);
char      *ls_dates_format_swedish  (const char     *value);
/* clang-format on */

G_END_DECLS
