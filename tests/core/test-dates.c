/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ls-core-test.h"
#include "ls-dates.h"
#include "ls-error.h"

/* The tests run with TZ=Europe/Stockholm: +01:00 in winter, +02:00 in
 * summer. */

typedef struct
{
  const char *typed;
  LsDatesFormat formats;
  const char *stored;
} ParseCase;

static void
test_parse_user_accepts (void)
{
  static const ParseCase cases[] = {
    { "2026-03-01", LS_DATES_DATE, "2026-03-01" },
    { "  2026-03-01 ", LS_DATES_DATE, "2026-03-01" },
    { "20260301", LS_DATES_DATE, "2026-03-01" },
    { "2028-02-29", LS_DATES_DATE, "2028-02-29" },
    { "2026-03-01", LS_DATES_DATE | LS_DATES_DATETIME, "2026-03-01" },
    { "2026-03-01 22:30", LS_DATES_DATETIME, "2026-03-01T22:30:00+01:00" },
    { "2026-03-01 22.30", LS_DATES_DATETIME, "2026-03-01T22:30:00+01:00" },
    { "2026-03-01 2230", LS_DATES_DATETIME, "2026-03-01T22:30:00+01:00" },
    { "20260301 22:30", LS_DATES_DATETIME, "2026-03-01T22:30:00+01:00" },
    { "2026-03-01T22:30", LS_DATES_DATETIME, "2026-03-01T22:30:00+01:00" },
    { "2026-03-01 22:30:15", LS_DATES_DATETIME, "2026-03-01T22:30:15+01:00" },
    { "2026-03-01 22.30.15", LS_DATES_DATETIME, "2026-03-01T22:30:15+01:00" },
    { "2026-07-01 08:05", LS_DATES_DATETIME, "2026-07-01T08:05:00+02:00" },
    { "2026-03-01 00:00", LS_DATES_DATE | LS_DATES_DATETIME,
      "2026-03-01T00:00:00+01:00" },
    /* What another program wrote is kept as it is, zone and all. */
    { "2026-03-01T21:30:00Z", LS_DATES_DATETIME, "2026-03-01T21:30:00Z" },
    { "2026-03-01T22:30:00+01:00", LS_DATES_DATETIME,
      "2026-03-01T22:30:00+01:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *stored =
          ls_dates_parse_user (cases[i].typed, cases[i].formats, &error);

      g_test_message ("typed: “%s”", cases[i].typed);
      g_assert_no_error (error);
      g_assert_cmpstr (stored, ==, cases[i].stored);
      /* What it stores is what the validation accepts. */
      g_assert_true (ls_dates_validate (stored, cases[i].formats, NULL));
    }
}

static void
test_parse_user_rejects (void)
{
  static const ParseCase cases[] = {
    { "", LS_DATES_DATE, NULL },
    { "   ", LS_DATES_DATE | LS_DATES_DATETIME, NULL },
    { "igår", LS_DATES_DATE, NULL },
    { "2026-02-29", LS_DATES_DATE, NULL },
    { "2026-02-30", LS_DATES_DATE, NULL },
    { "2026-13-01", LS_DATES_DATE, NULL },
    { "2026-00-10", LS_DATES_DATE, NULL },
    { "2026-3-1", LS_DATES_DATE, NULL },
    { "1/3/2026", LS_DATES_DATE, NULL },
    { "1.3.2026", LS_DATES_DATE, NULL },
    { "202603011", LS_DATES_DATE, NULL },
    { "1899-12-31", LS_DATES_DATE, NULL },
    { "20261301", LS_DATES_DATE, NULL },
    /* A time where only a day is asked for, and the other way round. */
    { "2026-03-01 22:30", LS_DATES_DATE, NULL },
    { "2026-03-01", LS_DATES_DATETIME, NULL },
    { "2026-03-01 24:00", LS_DATES_DATETIME, NULL },
    { "2026-03-01 22:60", LS_DATES_DATETIME, NULL },
    { "2026-03-01 22:30:60", LS_DATES_DATETIME, NULL },
    { "2026-03-01 2:30", LS_DATES_DATETIME, NULL },
    { "2026-03-01 22", LS_DATES_DATETIME, NULL },
    { "2026-03-01 kväll", LS_DATES_DATETIME, NULL },
    { "22.30", LS_DATES_DATE | LS_DATES_DATETIME, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *stored =
          ls_dates_parse_user (cases[i].typed, cases[i].formats, &error);

      g_test_message ("typed: “%s”", cases[i].typed);
      g_assert_null (stored);
      g_assert_error (error, LS_ERROR, LS_ERROR_INVALID_DATE);
      /* The message shows the manager how to write it. */
      g_assert_nonnull (strstr (error->message, "2026-03-01"));
    }
}

/* What was typed or imported may be a name or a personal identity number
 * in the wrong field, or a screenful: the message says what the field
 * needs and quotes none of it. */
static void
test_message_quotes_nothing (void)
{
  static const LsDatesFormat formats[] = {
    LS_DATES_DATE,
    LS_DATES_DATETIME,
    LS_DATES_DATE | LS_DATES_DATETIME,
  };
  static const char *const typed[] = {
    "Karin Lind",
    "19520228-1234",
    "2026-03-01 Karin",
    "1952-02-28 Lind",
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    for (guint k = 0; k < G_N_ELEMENTS (typed); k++)
      {
        g_autoptr (GError) parsed_error = NULL;
        g_autoptr (GError) stored_error = NULL;
        g_autofree char *parsed =
            ls_dates_parse_user (typed[k], formats[i], &parsed_error);

        g_assert_null (parsed);
        g_assert_false (
            ls_dates_validate (typed[k], formats[i], &stored_error));
        g_assert_error (parsed_error, LS_ERROR, LS_ERROR_INVALID_DATE);
        g_assert_error (stored_error, LS_ERROR, LS_ERROR_INVALID_DATE);
        g_assert_cmpstr (parsed_error->message, ==, stored_error->message);
        g_assert_null (strstr (parsed_error->message, "Karin"));
        g_assert_null (strstr (parsed_error->message, "1952"));
        g_assert_null (strstr (parsed_error->message, "“"));
        g_assert_true (g_str_has_prefix (parsed_error->message, "This is not"));
      }
}

static void
test_validate (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (ls_dates_validate ("2026-03-01", LS_DATES_DATE, NULL));
  g_assert_true (ls_dates_validate ("2028-02-29", LS_DATES_DATE, NULL));
  g_assert_true (ls_dates_validate ("2000-02-29", LS_DATES_DATE, NULL));
  g_assert_false (ls_dates_validate ("1900-02-29", LS_DATES_DATE, NULL));
  g_assert_false (ls_dates_validate ("2026-02-29", LS_DATES_DATE, NULL));
  g_assert_false (ls_dates_validate ("2026-04-31", LS_DATES_DATE, NULL));
  g_assert_false (ls_dates_validate ("2026-03-01 ", LS_DATES_DATE, NULL));
  g_assert_false (ls_dates_validate ("2026/03/01", LS_DATES_DATE, NULL));
  g_assert_false (ls_dates_validate ("3000-01-01", LS_DATES_DATE, NULL));
  g_assert_true (ls_dates_validate ("2999-12-31", LS_DATES_DATE, NULL));
  g_assert_true (ls_dates_validate ("1900-01-01", LS_DATES_DATE, NULL));
  g_assert_false (ls_dates_validate ("1899-12-31", LS_DATES_DATE, NULL));
  g_assert_false (ls_dates_validate ("2026-13-01", LS_DATES_DATE, NULL));
  g_assert_false (ls_dates_validate ("2026-00-10", LS_DATES_DATE, NULL));
  g_assert_false (ls_dates_validate ("2026-01-00", LS_DATES_DATE, NULL));
  g_assert_true (ls_dates_validate ("2026-12-31", LS_DATES_DATE, NULL));
  g_assert_true (
      ls_dates_validate ("2026-03-01T22:30:00+01:00", LS_DATES_DATETIME, NULL));
  g_assert_true (
      ls_dates_validate ("2026-03-01T21:30:00Z", LS_DATES_DATETIME, NULL));
  g_assert_false (
      ls_dates_validate ("2026-03-01T22:30:00+01:00", LS_DATES_DATE, NULL));
  g_assert_false (ls_dates_validate ("2026-03-01", LS_DATES_DATETIME, NULL));
  g_assert_false (
      ls_dates_validate ("2026-03-01T25:30:00+01:00", LS_DATES_DATETIME, NULL));
  g_assert_false (
      ls_dates_validate ("2026-02-30T10:00:00+01:00", LS_DATES_DATETIME, NULL));
  g_assert_false (
      ls_dates_validate ("2026-03-01Tnoon", LS_DATES_DATETIME, NULL));
  /* A stored moment without its offset would mean another moment on a
   * computer set to another zone. */
  g_assert_false (
      ls_dates_validate ("2026-03-01T22:30:00", LS_DATES_DATETIME, NULL));
  g_assert_false (
      ls_dates_validate ("2026-03-01 22:30:00", LS_DATES_DATETIME, NULL));
  g_assert_true (ls_dates_validate ("2026-03-01",
                                    LS_DATES_DATE | LS_DATES_DATETIME, NULL));
  g_assert_true (ls_dates_validate ("2026-03-01T22:30:00+01:00",
                                    LS_DATES_DATE | LS_DATES_DATETIME, NULL));

  /* Each allowed form gets its own advice, which never quotes the
   * value. */
  g_assert_false (ls_dates_validate ("x", LS_DATES_DATE, &error));
  g_assert_error (error, LS_ERROR, LS_ERROR_INVALID_DATE);
  g_assert_cmpstr (error->message, ==,
                   "This is not a date. Write it as year-month-day, such as "
                   "2026-03-01.");
  g_clear_error (&error);
  g_assert_false (ls_dates_validate ("x", LS_DATES_DATETIME, &error));
  g_assert_nonnull (strstr (error->message, "22:30"));
  g_clear_error (&error);
  g_assert_false (
      ls_dates_validate ("x", LS_DATES_DATE | LS_DATES_DATETIME, &error));
  g_assert_nonnull (strstr (error->message, "if it is known"));
}

static void
test_parts (void)
{
  g_autoptr (GDateTime) moment = NULL;
  GDate day;

  g_assert_false (ls_dates_has_time (NULL));
  g_assert_false (ls_dates_has_time ("2026-03-01"));
  g_assert_true (ls_dates_has_time ("2026-03-01T22:30:00+01:00"));

  g_assert_false (ls_dates_get_day (NULL, &day));
  g_assert_false (ls_dates_get_day ("soon", &day));
  g_assert_true (ls_dates_get_day ("2026-03-01", &day));
  g_assert_cmpuint (g_date_get_day (&day), ==, 1);
  g_assert_cmpuint (g_date_get_month (&day), ==, 3);
  /* A moment's day is the day where it was written, not in UTC. */
  g_assert_true (ls_dates_get_day ("2026-03-02T00:30:00+01:00", &day));
  g_assert_cmpuint (g_date_get_day (&day), ==, 2);

  moment = ls_dates_to_date_time ("2026-03-01");
  g_assert_cmpint (g_date_time_get_hour (moment), ==, 0);
  g_assert_cmpint (g_date_time_get_day_of_month (moment), ==, 1);
  g_clear_pointer (&moment, g_date_time_unref);
  moment = ls_dates_to_date_time ("2026-03-01T22:30:00+01:00");
  g_assert_cmpint (g_date_time_get_hour (moment), ==, 22);
  g_assert_cmpint (g_date_time_get_minute (moment), ==, 30);
  g_clear_pointer (&moment, g_date_time_unref);
  g_assert_null (ls_dates_to_date_time (NULL));
  g_assert_null (ls_dates_to_date_time ("2026-02-30"));
}

static void
test_compare (void)
{
  /* Days, moments, and a day against a moment on that day. */
  g_assert_cmpint (ls_dates_compare ("2026-03-01", "2026-03-02"), <, 0);
  g_assert_cmpint (ls_dates_compare ("2026-03-02", "2026-03-01"), >, 0);
  g_assert_cmpint (ls_dates_compare ("2026-03-01", "2026-03-01"), ==, 0);
  g_assert_cmpint (ls_dates_compare ("2026-03-01", "2026-03-01T08:00:00+01:00"),
                   ==, 0);
  g_assert_cmpint (ls_dates_compare ("2026-03-01T23:59:00+01:00", "2026-03-01"),
                   ==, 0);
  g_assert_cmpint (ls_dates_compare ("2026-03-02", "2026-03-01T23:00:00+01:00"),
                   >, 0);
  g_assert_cmpint (ls_dates_compare ("2026-03-01T22:30:00+01:00",
                                     "2026-03-02T06:40:00+01:00"),
                   <, 0);
  /* Two moments compare as moments, whatever their zones. */
  g_assert_cmpint (
      ls_dates_compare ("2026-03-01T22:30:00+01:00", "2026-03-01T21:30:00Z"),
      ==, 0);
  g_assert_cmpint (
      ls_dates_compare ("2026-03-01T22:30:00+01:00", "2026-03-01T22:00:00Z"), <,
      0);
  /* The unreadable first. */
  g_assert_cmpint (ls_dates_compare (NULL, "2026-03-01"), <, 0);
  g_assert_cmpint (ls_dates_compare ("2026-03-01", "nonsense"), >, 0);
  g_assert_cmpint (ls_dates_compare (NULL, NULL), ==, 0);
  /* Days three apart are in the order of their days, whatever the
   * offsets; a moment that cannot be read stays unreadable. */
  g_assert_cmpint (ls_dates_compare ("2026-03-01T23:59:00-23:59",
                                     "2026-03-04T00:00:00+23:59"),
                   <, 0);
  g_assert_cmpint (ls_dates_compare ("2026-03-04T00:00:00+23:59",
                                     "2026-03-01T23:59:00-23:59"),
                   >, 0);
  g_assert_cmpint (ls_dates_compare ("2026-01-01", "2026-03-01T08:00:00+01:00"),
                   <, 0);
  g_assert_cmpint (ls_dates_compare ("2026-01-01T99:00:00+01:00", "2026-03-01"),
                   <, 0);
  g_assert_cmpint (ls_dates_compare ("2026-03-10", "2026-01-01T99:00:00+01:00"),
                   >, 0);
}

static void
test_is_future (void)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr (GDateTime) now = g_date_time_new (zone, 2026, 3, 1, 12, 0, 0);

  g_assert_false (ls_dates_is_future ("2026-02-28", now));
  g_assert_false (ls_dates_is_future ("2026-03-01", now));
  g_assert_true (ls_dates_is_future ("2026-03-02", now));
  g_assert_false (ls_dates_is_future ("2026-03-01T11:00:00+01:00", now));
  /* A clock a few minutes fast is forgiven. */
  g_assert_false (ls_dates_is_future ("2026-03-01T12:05:00+01:00", now));
  g_assert_true (ls_dates_is_future ("2026-03-01T12:11:00+01:00", now));
  /* The same moment written in UTC. */
  g_assert_false (ls_dates_is_future ("2026-03-01T11:05:00Z", now));
  g_assert_true (ls_dates_is_future ("2026-03-01T11:30:00Z", now));
  /* Days long past, and far ahead, in every form. */
  g_assert_false (ls_dates_is_future ("2026-02-26", now));
  g_assert_false (ls_dates_is_future ("2026-02-26T23:59:00-23:59", now));
  g_assert_false (ls_dates_is_future ("1999-12-31T12:00:00Z", now));
  g_assert_true (ls_dates_is_future ("2026-03-10", now));
  g_assert_true (ls_dates_is_future ("2026-03-10T00:00:00+01:00", now));
}

static void
test_add_months (void)
{
  static const char *const cases[][3] = {
    { "2026-12-31", "2", "2027-02-28" },
    { "2027-12-31", "2", "2028-02-29" },
    { "2027-12-29", "2", "2028-02-29" },
    { "2026-12-29", "2", "2027-02-28" },
    { "2026-11-30", "2", "2027-01-30" },
    { "2026-08-31", "2", "2026-10-31" },
    { "2026-07-31", "2", "2026-09-30" },
    { "2026-01-31", "1", "2026-02-28" },
    { "2028-01-31", "1", "2028-02-29" },
    { "2026-03-15", "2", "2026-05-15" },
    { "2026-02-28", "2", "2026-04-28" },
    { "2026-11-15", "2", "2027-01-15" },
    { "2026-03-01", "0", "2026-03-01" },
    /* A moment counts from its day. */
    { "2026-12-31T23:30:00+01:00", "2", "2027-02-28" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *due = ls_dates_add_months (
          cases[i][0], (guint) g_ascii_strtoull (cases[i][1], NULL, 10));

      g_test_message ("%s + %s months", cases[i][0], cases[i][1]);
      g_assert_cmpstr (due, ==, cases[i][2]);
    }
  g_assert_null (ls_dates_add_months (NULL, 2));
  g_assert_null (ls_dates_add_months ("2026-02-30", 2));
}

static void
test_format (void)
{
  static const char *const week[][2] = {
    { "2026-03-02", "måndag 2 mars 2026" },
    { "2026-03-03", "tisdag 3 mars 2026" },
    { "2026-03-04", "onsdag 4 mars 2026" },
    { "2026-03-05", "torsdag 5 mars 2026" },
    { "2026-03-06", "fredag 6 mars 2026" },
    { "2026-03-07", "lördag 7 mars 2026" },
    { "2026-03-08", "söndag 8 mars 2026" },
    { "2026-01-01", "torsdag 1 januari 2026" },
    { "2026-12-31", "torsdag 31 december 2026" },
    { "2028-02-29", "tisdag 29 februari 2028" },
    { "2026-03-01T22:30:00+01:00", "söndag 1 mars 2026 kl. 22.30" },
    { "2026-07-04T08:05:00+02:00", "lördag 4 juli 2026 kl. 08.05" },
  };
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr (GDateTime) now = g_date_time_new (zone, 2026, 3, 1, 22, 30, 45);
  g_autoptr (GDateTime) utc = g_date_time_to_utc (now);

  for (guint i = 0; i < G_N_ELEMENTS (week); i++)
    {
      g_autofree char *text = ls_dates_format_swedish (week[i][0]);

      g_assert_cmpstr (text, ==, week[i][1]);
    }
  {
    g_autofree char *empty = ls_dates_format_swedish (NULL);
    g_autofree char *bad = ls_dates_format_swedish ("okänt");
    g_autofree char *display =
        ls_dates_format_display ("2026-03-01T22:30:00+01:00");
    g_autofree char *display_day = ls_dates_format_display ("2026-03-01");
    g_autofree char *display_empty = ls_dates_format_display (NULL);
    g_autofree char *today = ls_dates_dup_today (now);
    g_autofree char *moment = ls_dates_dup_now (utc);

    g_assert_cmpstr (empty, ==, "");
    g_assert_cmpstr (bad, ==, "okänt");
    g_assert_cmpstr (display, ==, "2026-03-01 22:30");
    g_assert_cmpstr (display_day, ==, "2026-03-01");
    g_assert_cmpstr (display_empty, ==, "");
    g_assert_cmpstr (today, ==, "2026-03-01");
    /* The present in local time, to the minute. */
    g_assert_cmpstr (moment, ==, "2026-03-01T22:30:00+01:00");
  }
}

/* Moments in the plain form the store writes are read without making a
 * GDateTime of them: each must mean what GLib reads it as, in every
 * comparison, day and check. */
static void
test_plain_moments (void)
{
  static const char *const moments[] = {
    "2026-03-01T22:30:00+01:00", "2026-03-01T21:30:00Z",
    "2026-03-01T23:59:59-23:59", "2026-03-02T00:00:00+23:59",
    "2026-03-01 22:30:00+01:00", "2024-02-29T00:00:00+00:00",
    "2025-12-31T23:59:59+14:00", "1999-12-31T23:30:00-02:30",
    "2026-03-01T22:30:01+01:00", "2026-03-01T22:30:00.5+01:00",
    "2026-03-01T22:30:00+0100",
  };
  static const char *const refused[] = {
    "2026-02-29T12:00:00+01:00", "2026-03-01T24:00:00+01:00",
    "2026-03-01T22:60:00+01:00", "2026-03-01T22:30:60+01:00",
    "2026-03-01T22:30:00+24:00", "2026-03-01T22:30:00+01:60",
    "2026-03-01T22:30:00",       "2026-03-01T22:30:00X",
    "2026-03-01T22:30:00+01:0",  "1899-12-31T22:30:00+01:00",
  };
  g_autoptr (GDateTime) now = ls_dates_now_local ();
  g_autoptr (GDateTime) again = ls_dates_now_local ();
  g_autoptr (GDateTime) clock = g_date_time_new_now_local ();

  for (guint i = 0; i < G_N_ELEMENTS (moments); i++)
    {
      g_autofree char *iso = g_strdup (moments[i]);
      g_autoptr (GDateTime) a = NULL;
      GDate day;
      int y, m, d;

      iso[10] = 'T';
      a = g_date_time_new_from_iso8601 (iso, NULL);
      g_assert_nonnull (a);
      g_assert_true (ls_dates_validate (moments[i], LS_DATES_DATETIME, NULL));
      g_assert_true (ls_dates_get_day (moments[i], &day));
      g_date_time_get_ymd (a, &y, &m, &d);
      g_assert_cmpint (g_date_get_year (&day), ==, y);
      g_assert_cmpint (g_date_get_month (&day), ==, m);
      g_assert_cmpint (g_date_get_day (&day), ==, d);
      for (guint k = 0; k < G_N_ELEMENTS (moments); k++)
        {
          g_autofree char *other = g_strdup (moments[k]);
          g_autoptr (GDateTime) b = NULL;
          int expected;
          int got = ls_dates_compare (moments[i], moments[k]);

          other[10] = 'T';
          b = g_date_time_new_from_iso8601 (other, NULL);
          expected = g_date_time_compare (a, b);
          g_assert_cmpint (got < 0, ==, expected < 0);
          g_assert_cmpint (got > 0, ==, expected > 0);
        }
      g_assert_false (ls_dates_is_future (moments[i], now));
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      GDate day;

      g_assert_false (ls_dates_validate (refused[i], LS_DATES_DATETIME, NULL));
      g_assert_false (ls_dates_get_day (refused[i], &day));
    }

  /* A moment within the ten minutes a clock may be fast is not future;
   * after them it is. */
  {
    g_autoptr (GDateTime) soon = g_date_time_add_minutes (clock, 9);
    g_autoptr (GDateTime) later = g_date_time_add_minutes (clock, 11);
    g_autofree char *soon_text =
        g_date_time_format (soon, "%Y-%m-%dT%H:%M:%S%:z");
    g_autofree char *later_text =
        g_date_time_format (later, "%Y-%m-%dT%H:%M:%S%:z");

    g_assert_false (ls_dates_is_future (soon_text, now));
    g_assert_true (ls_dates_is_future (later_text, now));
  }

  /* The present is the clock's, to the second. */
  g_assert_cmpint (ABS (g_date_time_difference (clock, now)), <=,
                   2 * G_TIME_SPAN_SECOND);
  g_assert_cmpint (g_date_time_get_utc_offset (now), ==,
                   g_date_time_get_utc_offset (clock));
  g_assert_cmpint (ABS (g_date_time_difference (again, now)), <=,
                   2 * G_TIME_SPAN_SECOND);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dates/parse-user/accepts", test_parse_user_accepts);
  g_test_add_func ("/dates/parse-user/rejects", test_parse_user_rejects);
  g_test_add_func ("/dates/message-quotes-nothing",
                   test_message_quotes_nothing);
  g_test_add_func ("/dates/validate", test_validate);
  g_test_add_func ("/dates/parts", test_parts);
  g_test_add_func ("/dates/compare", test_compare);
  g_test_add_func ("/dates/plain-moments", test_plain_moments);
  g_test_add_func ("/dates/is-future", test_is_future);
  g_test_add_func ("/dates/add-months", test_add_months);
  g_test_add_func ("/dates/format", test_format);
  return g_test_run ();
}
