/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-dates"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ls-dates.h"
#include "ls-error.h"

/* Dates travel as ISO 8601 strings: a day as "2026-03-01", a moment as
 * "2026-03-01T22:30:00+01:00".  A day is a calendar day wherever it is
 * read; a moment keeps the offset it was written with, so that the day and
 * the time of day on a printed form are those the manager typed. */

static gboolean
parse_day (const char *value, gsize len, GDate *day)
{
  guint y, m, d;

  if (len != 10 || value[4] != '-' || value[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (value[i]))
      return FALSE;

  /* The digits were checked: read as numbers without g_ascii_strtoull(),
   * as every date of every case saved is. */
  y = (value[0] - '0') * 1000 + (value[1] - '0') * 100 + (value[2] - '0') * 10 +
      (value[3] - '0');
  m = (value[5] - '0') * 10 + (value[6] - '0');
  d = (value[8] - '0') * 10 + (value[9] - '0');
  if (y < 1900 || y > 2999 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  if (day != NULL)
    g_date_set_dmy (day, d, m, y);
  return TRUE;
}

/* A stored moment carries its offset ("Z", "+01:00"): without it, it
 * would mean another moment wherever the clock is set differently. */
static gboolean
has_zone (const char *value)
{
  return g_str_has_suffix (value, "Z") || strpbrk (value + 11, "+-") != NULL;
}

/* Two digits below @limit at @p. */
static gboolean
two_digits (const char *p, guint limit)
{
  return g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) &&
         (guint) ((p[0] - '0') * 10 + (p[1] - '0')) < limit;
}

/* The time of day and the offset after the day, "22:30:00+01:00": GLib
 * also takes a 60th second and an offset of 24 hours or more, which no
 * clock shows. */
static gboolean
is_clock_and_zone (const char *p)
{
  if (!two_digits (p, 24) || p[2] != ':' || !two_digits (p + 3, 60))
    return FALSE;
  p += 5;
  if (*p == ':')
    {
      if (!two_digits (p + 1, 60))
        return FALSE;
      p += 3;
      if (*p == '.' && g_ascii_isdigit (p[1]))
        for (p++; g_ascii_isdigit (*p); p++)
          ;
    }
  if (*p == 'Z')
    return p[1] == '\0';
  if ((*p != '+' && *p != '-') || !two_digits (p + 1, 24))
    return FALSE;
  p += 3;
  if (*p == ':')
    p++;
  return *p == '\0' || (two_digits (p, 60) && p[2] == '\0');
}

/* Whether @value is a moment in the form this file stores. */
static gboolean
is_moment (const char *value)
{
  return strlen (value) >= 16 && parse_day (value, 10, NULL) &&
         (value[10] == 'T' || value[10] == ' ') && has_zone (value) &&
         is_clock_and_zone (value + 11);
}

/* Whether @value is a moment in the plain form this file writes,
 * "2026-03-01T22:30:00+01:00" or "2026-03-01T21:30:00Z", with @seconds
 * (nullable) the moment in seconds from the epoch.  Every such value is
 * one that parse_moment() reads, and means the same moment: a case holds
 * a dozen, compared and checked at every import and save, where making a
 * GDateTime of each (and its time zone) cost more than the rest. */
static gboolean
is_plain_moment (const char *value, gint64 *seconds)
{
  gsize len = strlen (value);
  const char *zone = value + 19;
  GDate day;
  gint64 offset = 0;

  if ((len != 20 && len != 25) || (value[10] != 'T' && value[10] != ' ') ||
      !parse_day (value, 10, &day) || !two_digits (value + 11, 24) ||
      value[13] != ':' || !two_digits (value + 14, 60) || value[16] != ':' ||
      !two_digits (value + 17, 60))
    return FALSE;
  if (len == 20)
    {
      if (*zone != 'Z')
        return FALSE;
    }
  else
    {
      if ((*zone != '+' && *zone != '-') || !two_digits (zone + 1, 24) ||
          zone[3] != ':' || !two_digits (zone + 4, 60))
        return FALSE;
      offset = ((zone[1] - '0') * 10 + (zone[2] - '0')) * 3600 +
               ((zone[4] - '0') * 10 + (zone[5] - '0')) * 60;
      if (*zone == '-')
        offset = -offset;
    }
  if (seconds != NULL)
    /* Julian day 719163 is 1970-01-01. */
    *seconds = ((gint64) g_date_get_julian (&day) - 719163) * 86400 +
               ((value[11] - '0') * 10 + (value[12] - '0')) * 3600 +
               ((value[14] - '0') * 10 + (value[15] - '0')) * 60 +
               (value[17] - '0') * 10 + (value[18] - '0') - offset;
  return TRUE;
}

/* A moment keeps the offset it was written with.  is_moment() found the
 * offset, so that no default zone is given: reading the local zone for
 * each of a document's moments cost more than parsing them. */
static GDateTime *
parse_moment (const char *value)
{
  g_autofree char *copy = NULL;

  if (!is_moment (value))
    return NULL;

  copy = g_strdup (value);
  copy[10] = 'T';
  return g_date_time_new_from_iso8601 (copy, NULL);
}

/* The day of @value, a day or a moment, as a number, where it was
 * written.  No offset moves a moment by more than a day, so that two
 * values whose days are three apart are in the order of their days
 * without making a moment of either: a case's dates are compared at
 * every save. */
static gboolean
day_number (const char *value, guint32 *number)
{
  GDate day;
  gsize len = strlen (value);

  if (len != 10 && !is_moment (value))
    return FALSE;
  if (!parse_day (value, 10, &day))
    return FALSE;
  *number = g_date_get_julian (&day);
  return TRUE;
}

/* -1 or 1 when @a and @b are surely in that order by their days alone,
 * 0 when that is not known. */
static int
compare_far_days (const char *a, const char *b)
{
  guint32 da, db;

  if (a == NULL || b == NULL || !day_number (a, &da) || !day_number (b, &db))
    return 0;
  if (da + 3 <= db)
    return -1;
  if (db + 3 <= da)
    return 1;
  return 0;
}

/* The message says what the field needs, never what was typed: that may
 * be a name, a personal identity number or a whole pasted paragraph.  The
 * caller names the field (a row beside it, a path before it). */
static void
set_invalid (LsDatesFormat formats, GError **error)
{
  if (formats == LS_DATES_DATE)
    g_set_error_literal (error, LS_ERROR, LS_ERROR_INVALID_DATE,
                         _ ("This is not a date. Write it as year-month-day, "
                            "such as 2026-03-01."));
  else if (formats == LS_DATES_DATETIME)
    g_set_error_literal (error, LS_ERROR, LS_ERROR_INVALID_DATE,
                         _ ("This is not a date and time. Write it as "
                            "year-month-day and hours:minutes, such as "
                            "2026-03-01 22:30."));
  else
    g_set_error_literal (error, LS_ERROR, LS_ERROR_INVALID_DATE,
                         _ ("This is not a date. Write it as year-month-day, "
                            "such as 2026-03-01, with the time if it is "
                            "known, such as 2026-03-01 22:30."));
}

/**
 * ls_dates_validate:
 * @value: an ISO 8601 day or moment
 * @formats: which forms are allowed
 *
 * Returns: whether @value is a real day (or moment) in an allowed form;
 *   if not, @error says how to write one, without quoting @value
 */
gboolean
ls_dates_validate (const char *value, LsDatesFormat formats, GError **error)
{
  g_return_val_if_fail (value != NULL, FALSE);

  if ((formats & LS_DATES_DATE) && parse_day (value, strlen (value), NULL))
    return TRUE;
  if (formats & LS_DATES_DATETIME)
    {
      g_autoptr (GDateTime) moment = NULL;

      if (is_plain_moment (value, NULL))
        return TRUE;
      moment = parse_moment (value);

      if (moment != NULL)
        return TRUE;
    }
  set_invalid (formats, error);
  return FALSE;
}

/* "22:30", "22.30", "2230", with optional seconds: hours and minutes. */
static gboolean
parse_clock (const char *text, guint *hour, guint *minute, guint *second)
{
  guint digits[6];
  guint n = 0;
  const char *p = text;

  while (*p != '\0' && n < 6)
    {
      if (g_ascii_isdigit (*p))
        digits[n++] = *p - '0';
      else if (*p != ':' && *p != '.')
        return FALSE;
      p++;
    }
  if (*p != '\0' || (n != 4 && n != 6))
    return FALSE;
  *hour = digits[0] * 10 + digits[1];
  *minute = digits[2] * 10 + digits[3];
  *second = n == 6 ? digits[4] * 10 + digits[5] : 0;
  return *hour < 24 && *minute < 60 && *second < 60;
}

/**
 * ls_dates_parse_user:
 * @text: what the user typed: "2026-03-01", "20260301", or with a time
 *   "2026-03-01 22:30" (also "22.30"); a full ISO 8601 moment is kept
 * @formats: which forms are allowed
 *
 * Turns what a user typed into the stored form, in the local time zone.
 *
 * Returns: (transfer full): the ISO 8601 value, or %NULL with @error
 *   saying how to write one, without quoting @text
 */
char *
ls_dates_parse_user (const char *text, LsDatesFormat formats, GError **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *day_text = NULL;
  g_auto (GStrv) parts = NULL;
  GDate day;

  g_return_val_if_fail (text != NULL, NULL);

  trimmed = g_strstrip (g_strdup (text));

  /* A full ISO 8601 moment with its zone, as another program writes it. */
  if ((formats & LS_DATES_DATETIME) && strlen (trimmed) > 19 &&
      trimmed[10] == 'T')
    {
      if (ls_dates_validate (trimmed, LS_DATES_DATETIME, NULL))
        return g_steal_pointer (&trimmed);
    }

  if (strchr (trimmed, 'T') != NULL)
    trimmed[strcspn (trimmed, "T")] = ' ';
  parts = g_strsplit_set (trimmed, " ", 2);
  if (parts[0] == NULL)
    goto bad;

  if (strlen (parts[0]) == 8)
    day_text = g_strdup_printf ("%.4s-%.2s-%.2s", parts[0], parts[0] + 4,
                                parts[0] + 6);
  else
    day_text = g_strdup (parts[0]);
  if (!parse_day (day_text, strlen (day_text), &day))
    goto bad;

  if (parts[1] == NULL || *g_strstrip (parts[1]) == '\0')
    {
      if (formats & LS_DATES_DATE)
        return g_steal_pointer (&day_text);
      goto bad;
    }

  if (formats & LS_DATES_DATETIME)
    {
      g_autoptr (GTimeZone) local = g_time_zone_new_local ();
      g_autoptr (GDateTime) moment = NULL;
      guint hour, minute, second;

      if (!parse_clock (parts[1], &hour, &minute, &second))
        goto bad;
      moment = g_date_time_new (local, g_date_get_year (&day),
                                g_date_get_month (&day), g_date_get_day (&day),
                                hour, minute, second);
      if (moment == NULL)
        goto bad;
      return g_date_time_format (moment, "%Y-%m-%dT%H:%M:%S%:z");
    }

bad:
  /* Not ls_dates_validate (): what was typed may be valid as stored text
   * ("2026-03-01T22:30:60+01:00", a leap second) and yet not as typed. */
  set_invalid (formats, error);
  return NULL;
}

/**
 * ls_dates_has_time:
 *
 * Returns: whether @value is a moment rather than a day
 */
gboolean
ls_dates_has_time (const char *value)
{
  return value != NULL && strlen (value) > 10;
}

/**
 * ls_dates_get_day:
 * @value: (nullable): a day or a moment
 * @day: (out): the calendar day, for a moment the day where it was written
 *
 * Returns: %FALSE when @value is empty or not a date
 */
gboolean
ls_dates_get_day (const char *value, GDate *day)
{
  g_autoptr (GDateTime) moment = NULL;
  int y, m, d;

  g_return_val_if_fail (day != NULL, FALSE);

  if (value == NULL)
    return FALSE;
  if (parse_day (value, strlen (value), day))
    return TRUE;
  /* The day where a moment was written is the one it begins with. */
  if (is_plain_moment (value, NULL))
    return parse_day (value, 10, day);
  moment = parse_moment (value);
  if (moment == NULL)
    return FALSE;
  g_date_time_get_ymd (moment, &y, &m, &d);
  g_date_set_dmy (day, d, m, y);
  return TRUE;
}

/**
 * ls_dates_to_date_time:
 * @value: (nullable): a day (taken as its local midnight) or a moment
 *
 * Returns: (transfer full) (nullable): the moment
 */
GDateTime *
ls_dates_to_date_time (const char *value)
{
  g_autoptr (GTimeZone) local = NULL;
  GDate day;

  if (value == NULL)
    return NULL;
  if (parse_day (value, strlen (value), &day))
    {
      local = g_time_zone_new_local ();
      return g_date_time_new (local, g_date_get_year (&day),
                              g_date_get_month (&day), g_date_get_day (&day), 0,
                              0, 0);
    }
  return parse_moment (value);
}

/**
 * ls_dates_compare:
 *
 * Orders two values.  Two moments compare as moments; when either is only
 * a day, the days are compared, so that an event "on 1 March" is not after
 * a report received at 08:00 on 1 March.
 *
 * Returns: <0, 0 or >0; an unreadable value sorts first
 */
int
ls_dates_compare (const char *a, const char *b)
{
  GDate day_a, day_b;
  gboolean ok_a, ok_b;
  int far = compare_far_days (a, b);

  if (far != 0)
    return far;
  if (ls_dates_has_time (a) && ls_dates_has_time (b))
    {
      g_autoptr (GDateTime) ta = NULL;
      g_autoptr (GDateTime) tb = NULL;
      gint64 sa, sb;

      if (is_plain_moment (a, &sa) && is_plain_moment (b, &sb))
        return sa < sb ? -1 : sa > sb ? 1 : 0;
      ta = parse_moment (a);
      tb = parse_moment (b);

      if (ta != NULL && tb != NULL)
        return g_date_time_compare (ta, tb);
    }

  ok_a = ls_dates_get_day (a, &day_a);
  ok_b = ls_dates_get_day (b, &day_b);
  if (!ok_a || !ok_b)
    return (int) ok_a - (int) ok_b;
  return g_date_compare (&day_a, &day_b);
}

/**
 * ls_dates_is_future:
 * @now: the present moment
 *
 * Returns: whether @value lies after @now (a day: after today)
 */
gboolean
ls_dates_is_future (const char *value, GDateTime *now)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (now != NULL, FALSE);

  /* Days before yesterday's yesterday, most of a case's dates, lie before
   * now in every time zone. */
  if (value != NULL)
    {
      guint32 number;
      int y, m, d;

      g_date_time_get_ymd (now, &y, &m, &d);
      if (g_date_valid_dmy (d, m, y) && day_number (value, &number))
        {
          GDate day;

          g_date_set_dmy (&day, d, m, y);
          if (number + 3 <= g_date_get_julian (&day))
            return FALSE;
        }
    }
  if (ls_dates_has_time (value))
    {
      g_autoptr (GDateTime) moment = NULL;
      g_autoptr (GDateTime) slack = NULL;
      gint64 seconds;

      /* A clock a few minutes fast is not an error of the user. */
      if (is_plain_moment (value, &seconds))
        return seconds * G_USEC_PER_SEC >
               (g_date_time_to_unix (now) + 10 * 60) * G_USEC_PER_SEC +
                   g_date_time_get_microsecond (now);
      moment = parse_moment (value);
      slack = g_date_time_add_minutes (now, 10);
      return moment != NULL && g_date_time_compare (moment, slack) > 0;
    }
  today = ls_dates_dup_today (now);
  return ls_dates_compare (value, today) > 0;
}

/**
 * ls_dates_format_day:
 *
 * Returns: (transfer full): "YYYY-MM-DD"
 */
char *
ls_dates_format_day (const GDate *day)
{
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (day),
                          g_date_get_month (day), g_date_get_day (day));
}

/**
 * ls_dates_add_months:
 * @value: a day or a moment
 *
 * Adds calendar months, clamped to the last day of a shorter month:
 * 2026-12-31 plus two months is 2027-02-28, and 2027-12-31 plus two
 * months is 2028-02-29.
 *
 * Returns: (transfer full) (nullable): the day, %NULL if @value is no date
 */
char *
ls_dates_add_months (const char *value, guint months)
{
  GDate day;

  if (!ls_dates_get_day (value, &day))
    return NULL;
  /* g_date_add_months() keeps the day of the month where it exists and
   * otherwise takes the last day of the month, as the law counts. */
  g_date_add_months (&day, months);
  return ls_dates_format_day (&day);
}

/**
 * ls_dates_now_local:
 *
 * The present in the local time zone, for checks that a date has come:
 * the same moment for every call within one second of the clock (and
 * time zone), as making the local time costs more than checking a
 * case's dates with it, and an import checks thousands.
 *
 * Returns: (transfer full): the present, to the second
 */
GDateTime *
ls_dates_now_local (void)
{
  static GMutex mutex;
  static GDateTime *cached;
  static gint64 second = -1;
  static char *zone;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *tz = g_getenv ("TZ");
  GDateTime *result;

  g_mutex_lock (&mutex);
  if (cached == NULL || now != second || g_strcmp0 (tz, zone) != 0)
    {
      g_clear_pointer (&cached, g_date_time_unref);
      cached = g_date_time_new_now_local ();
      second = now;
      g_free (zone);
      zone = g_strdup (tz);
    }
  result = g_date_time_ref (cached);
  g_mutex_unlock (&mutex);
  return result;
}

/**
 * ls_dates_dup_today:
 * @now: (nullable): the present, %NULL for the clock's
 *
 * Returns: (transfer full): the local day of @now
 */
char *
ls_dates_dup_today (GDateTime *now)
{
  g_autoptr (GDateTime) local = NULL;

  local =
      now != NULL ? g_date_time_to_local (now) : g_date_time_new_now_local ();
  return g_date_time_format (local, "%Y-%m-%d");
}

/**
 * ls_dates_dup_now:
 * @now: (nullable): the present, %NULL for the clock's
 *
 * Returns: (transfer full): the present as a stored moment, to the minute
 */
char *
ls_dates_dup_now (GDateTime *now)
{
  g_autoptr (GDateTime) local = NULL;

  local =
      now != NULL ? g_date_time_to_local (now) : g_date_time_new_now_local ();
  return g_date_time_format (local, "%Y-%m-%dT%H:%M:00%:z");
}

/**
 * ls_dates_format_display:
 * @value: (nullable): a day or a moment
 *
 * Returns: (transfer full): "2026-03-01" or "2026-03-01 22:30", the way
 *   dates are written in Sweden whatever the language; "" when empty
 */
char *
ls_dates_format_display (const char *value)
{
  g_autoptr (GDateTime) moment = NULL;
  GDate day;

  if (value == NULL)
    return g_strdup ("");
  if (!ls_dates_has_time (value))
    return ls_dates_get_day (value, &day) ? ls_dates_format_day (&day)
                                          : g_strdup (value);
  moment = parse_moment (value);
  if (moment == NULL)
    return g_strdup (value);
  return g_date_time_format (moment, "%Y-%m-%d %H:%M");
}

/**
 * ls_dates_format_swedish:
 * @value: (nullable): a day or a moment
 *
 * Writes out a date as the notification form asks for it ("datum,
 * veckodag samt klockslag"): "tisdag 3 mars 2026 kl. 22.30".  Swedish
 * whatever the language of the app: the form is a Swedish document.
 *
 * Returns: (transfer full): the text, "" when empty
 */
char *
ls_dates_format_swedish (const char *value)
{
  static const char *const weekdays[] = { "",       "måndag",  "tisdag",
                                          "onsdag", "torsdag", "fredag",
                                          "lördag", "söndag" };
  static const char *const months[] = {
    "",     "januari", "februari",  "mars",    "april",    "maj",     "juni",
    "juli", "augusti", "september", "oktober", "november", "december"
  };
  g_autoptr (GDateTime) moment = NULL;
  GDate day;
  g_autofree char *date = NULL;

  if (!ls_dates_get_day (value, &day))
    return g_strdup (value != NULL ? value : "");

  date = g_strdup_printf (
      "%s %u %s %u", weekdays[g_date_get_weekday (&day)], g_date_get_day (&day),
      months[g_date_get_month (&day)], g_date_get_year (&day));
  if (!ls_dates_has_time (value) || (moment = parse_moment (value)) == NULL)
    return g_steal_pointer (&date);
  return g_strdup_printf ("%s kl. %02d.%02d", date,
                          g_date_time_get_hour (moment),
                          g_date_time_get_minute (moment));
}
