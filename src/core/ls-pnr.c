/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-pnr"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ls-dates.h"
#include "ls-error.h"
#include "ls-pnr.h"

/* Swedish personal identity numbers (personnummer, Skatteverket SKV 704)
 * and co-ordination numbers (samordningsnummer, day of birth plus 60):
 * "YYMMDD-NNNC", "YYMMDD+NNNC" (a hundred years or older), or with the
 * century, "YYYYMMDD-NNNC" or "YYYYMMDDNNNC".  C is the Luhn check digit of
 * the ten digits without the century.  Messages never repeat the number:
 * they may end up in a log. */

typedef struct
{
  char digits[13];    /* with the century when given, NUL-terminated */
  guint n_digits;     /* 10 or 12 */
  char separator;     /* '-', '+' or 0 */
  guint separator_at; /* how many digits come before it */
} Parsed;

static gboolean
parse (const char *text, Parsed *out, GError **error)
{
  const char *p;

  memset (out, 0, sizeof *out);
  for (p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (out->n_digits == 12)
            goto malformed;
          out->digits[out->n_digits++] = *p;
        }
      else if ((*p == '-' || *p == '+') && out->separator == 0 &&
               (out->n_digits == 6 || out->n_digits == 8))
        {
          out->separator = *p;
          out->separator_at = out->n_digits;
        }
      else if (*p != ' ')
        {
          goto malformed;
        }
    }
  if (out->n_digits != 10 && out->n_digits != 12)
    goto malformed;
  if (out->separator == '+' && out->n_digits == 12)
    goto malformed;
  /* "YYMMDD-NNNC" or "YYYYMMDD-NNNC": a separator elsewhere, as in
   * "YYMMDDNN-NC", means digits were mistyped. */
  if (out->separator != 0 && out->separator_at != out->n_digits - 4)
    goto malformed;
  return TRUE;

malformed:
  g_set_error (error, LS_ERROR, LS_ERROR_INVALID_PNR,
               _ ("A personal identity number has ten or twelve digits, "
                  "such as 19450312-1234 or 450312-1234."));
  return FALSE;
}

static gboolean
luhn_ok (const char *ten)
{
  guint sum = 0;

  for (guint i = 0; i < 10; i++)
    {
      guint d = ten[i] - '0';

      if (i % 2 == 0)
        {
          d *= 2;
          if (d > 9)
            d -= 9;
        }
      sum += d;
    }
  return sum % 10 == 0;
}

/* Only a number with its century says the year; a ten-digit one is read
 * in the century that makes the person born already. */
static gboolean
born_after_today (guint year, guint month, guint day)
{
  g_autoptr (GDateTime) now = ls_dates_now_local ();
  guint today = g_date_time_get_year (now) * 10000 +
                g_date_time_get_month (now) * 100 +
                g_date_time_get_day_of_month (now);

  return year * 10000 + month * 100 + day > today;
}

static gboolean
check (const Parsed *parsed, GError **error)
{
  const char *ten = parsed->digits + (parsed->n_digits - 10);
  guint month = (ten[2] - '0') * 10 + (ten[3] - '0');
  guint day = (ten[4] - '0') * 10 + (ten[5] - '0');
  guint year;

  /* A co-ordination number carries the day of birth plus 60. */
  if (day > 60)
    day -= 60;
  if (parsed->n_digits == 12)
    year = (parsed->digits[0] - '0') * 1000 + (parsed->digits[1] - '0') * 100 +
           (parsed->digits[2] - '0') * 10 + (parsed->digits[3] - '0');
  else
    year = 2000; /* a leap year: 29 February is a real birthday */

  if (month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, LS_ERROR, LS_ERROR_INVALID_PNR,
                   _ ("The personal identity number does not begin with a "
                      "real date of birth."));
      return FALSE;
    }
  if (parsed->n_digits == 12 && born_after_today (year, month, day))
    {
      g_set_error (error, LS_ERROR, LS_ERROR_INVALID_PNR,
                   _ ("The personal identity number gives a date of birth "
                      "after today."));
      return FALSE;
    }
  if (!luhn_ok (ten))
    {
      g_set_error (error, LS_ERROR, LS_ERROR_INVALID_PNR,
                   _ ("The personal identity number has a wrong check digit; "
                      "check that every digit is right."));
      return FALSE;
    }
  return TRUE;
}

/**
 * ls_pnr_validate:
 * @text: a personal identity number or co-ordination number
 *
 * Checks the form, the date of birth and the check digit.
 */
gboolean
ls_pnr_validate (const char *text, GError **error)
{
  Parsed parsed;

  g_return_val_if_fail (text != NULL, FALSE);

  return parse (text, &parsed, error) && check (&parsed, error);
}

/**
 * ls_pnr_normalize:
 * @now: (nullable): the present, to tell the century of a ten-digit number
 *
 * Returns: (transfer full): the number as "YYYYMMDD-NNNC", or %NULL with
 *   @error set
 */
char *
ls_pnr_normalize (const char *text, GDateTime *now, GError **error)
{
  g_autoptr (GDateTime) clock = NULL;
  Parsed parsed;
  int this_year;
  int yy;
  int century;

  g_return_val_if_fail (text != NULL, NULL);

  if (!parse (text, &parsed, error) || !check (&parsed, error))
    return NULL;
  if (parsed.n_digits == 12)
    return g_strdup_printf ("%.8s-%.4s", parsed.digits, parsed.digits + 8);

  if (now == NULL)
    now = clock = g_date_time_new_now_local ();
  this_year = g_date_time_get_year (now);
  yy = (parsed.digits[0] - '0') * 10 + (parsed.digits[1] - '0');
  /* The latest century that does not put the birth in the future; "+"
   * marks someone a hundred or older. */
  century = this_year / 100 * 100;
  if (century + yy > this_year)
    century -= 100;
  if (parsed.separator == '+')
    century -= 100;
  return g_strdup_printf ("%04d%.4s-%.4s", century + yy, parsed.digits + 2,
                          parsed.digits + 6);
}

/**
 * ls_pnr_mask:
 * @text: (nullable): a personal identity number
 *
 * Hides the last four digits, the part that identifies the person, for
 * showing on screen: "19450312-****".
 *
 * Returns: (transfer full): the masked number, "" when empty
 */
char *
ls_pnr_mask (const char *text)
{
  Parsed parsed;

  if (text == NULL || *text == '\0')
    return g_strdup ("");
  if (!parse (text, &parsed, NULL))
    return g_strdup ("****");
  return g_strdup_printf ("%.*s%c****", parsed.n_digits - 4, parsed.digits,
                          parsed.separator == '+' ? '+' : '-');
}
