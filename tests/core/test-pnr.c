/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "ls-core-test.h"
#include "ls-error.h"
#include "ls-field.h"
#include "ls-pnr.h"

static void
test_valid (void)
{
  static const char *const valid[] = {
    "811218-9876", /* Skatteverket's example */
    "8112189876",    "19811218-9876", "198112189876",  "19380415-2340",
    "380415-2340",   "380415+2340",   "701063-2391", /* a co-ordination number:
                                                        born on the 3rd */
    "19701063-2391", "7010632391",    "410161-1236",   "20000229-1235",
    "000229-1235", /* 29 February in a leap year */
    "120229-1231",   " 811218-9876 ", "19811218 9876",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr (GError) error = NULL;

      g_test_message ("valid: %s", valid[i]);
      g_assert_true (ls_pnr_validate (valid[i], &error));
      g_assert_no_error (error);
      g_assert_true (ls_field_validate (LS_FIELD_PNR, valid[i], NULL));
    }
}

typedef struct
{
  const char *text;
  const char *message_part;
} Invalid;

static void
test_invalid (void)
{
  static const Invalid invalid[] = {
    /* Check digits. */
    { "811218-9875", "check digit" },
    { "19811218-9877", "check digit" },
    { "701063-2392", "check digit" },
    { "811218-9786", "check digit" },
    /* Dates of birth. */
    { "811318-9876", "date of birth" },
    { "811200-9876", "date of birth" },
    { "811232-9876", "date of birth" },
    { "19230229-1238", "date of birth" }, /* 1923 was no leap year */
    { "19000229-1235", "date of birth" }, /* nor was 1900 */
    { "710192-0000", "date of birth" },   /* co-ordination day 32 */
    { "710160-0000", "date of birth" },   /* day 60: neither */
    { "810431-0000", "date of birth" },
    /* Lengths and characters. */
    { "81121-9876", "ten or twelve" },
    { "811218-98765", "ten or twelve" },
    { "1981121898765", "ten or twelve" },
    { "19811218+9876", "ten or twelve" },
    { "811218-987X", "ten or twelve" },
    { "ÅÄÖ", "ten or twelve" },
    { "811218--9876", "ten or twelve" },
    { "811218/9876", "ten or twelve" },
    { "", "ten or twelve" },
    /* The separator stands before the last four digits. */
    { "81121898-76", "ten or twelve" },
    { "198112-189876", "ten or twelve" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr (GError) error = NULL;

      g_test_message ("invalid: %s", invalid[i].text);
      g_assert_false (ls_pnr_validate (invalid[i].text, &error));
      g_assert_error (error, LS_ERROR, LS_ERROR_INVALID_PNR);
      g_assert_nonnull (strstr (error->message, invalid[i].message_part));
      /* The message never repeats the number: it may end up in a log. */
      if (strlen (invalid[i].text) >= 6)
        g_assert_null (strstr (error->message, invalid[i].text));
    }
}

static void
test_normalize (void)
{
  /* Relative to 1 June 2026: the latest century that does not put the
   * birth in the future, a hundred years earlier with "+". */
  static const char *const cases[][2] = {
    { "380415-2340", "19380415-2340" },   { "3804152340", "19380415-2340" },
    { "380415+2340", "18380415-2340" },   { "200101-1234", "20200101-1234" },
    { "200101+1234", "19200101-1234" },   { "260301-1236", "20260301-1236" },
    { "270101-1237", "19270101-1237" },   { "000229-1235", "20000229-1235" },
    { "701063-2391", "19701063-2391" },   { "198112189876", "19811218-9876" },
    { "19811218-9876", "19811218-9876" }, { " 19811218 9876", "19811218-9876" },
  };
  g_autoptr (GDateTime) now = ls_core_test_now ();
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normal = ls_pnr_normalize (cases[i][0], now, &error);

      g_test_message ("normalize: %s", cases[i][0]);
      g_assert_no_error (error);
      g_assert_cmpstr (normal, ==, cases[i][1]);
      g_assert_true (ls_pnr_validate (normal, NULL));
    }

  g_assert_null (ls_pnr_normalize ("811218-9875", now, &error));
  g_assert_error (error, LS_ERROR, LS_ERROR_INVALID_PNR);
  g_clear_error (&error);
  /* Without a present the clock's is used: a 12-digit number needs none. */
  {
    g_autofree char *normal = ls_pnr_normalize ("198112189876", NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (normal, ==, "19811218-9876");
  }
}

static void
test_mask (void)
{
  static const char *const cases[][2] = {
    { "19380415-2340", "19380415-****" },
    { "193804152340", "19380415-****" },
    { "380415-2340", "380415-****" },
    { "380415+2340", "380415+****" },
    { "3804152340", "380415-****" },
    { "", "" },
    { "nonsense", "****" },
    { "12345", "****" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *masked = ls_pnr_mask (cases[i][0]);

      g_assert_cmpstr (masked, ==, cases[i][1]);
    }
  {
    g_autofree char *masked = ls_pnr_mask (NULL);

    g_assert_cmpstr (masked, ==, "");
  }
}

typedef struct
{
  LsFieldKind kind;
  const char *value;
  gboolean valid;
  int code;
} FieldCase;

static void
test_field (void)
{
  static const FieldCase cases[] = {
    /* Empty is always well-formed: whether it is required is the rules'. */
    { LS_FIELD_EMAIL, NULL, TRUE, 0 },
    { LS_FIELD_EMAIL, "", TRUE, 0 },
    { LS_FIELD_POSTCODE, "123 45", TRUE, 0 },
    { LS_FIELD_POSTCODE, "12345", TRUE, 0 },
    { LS_FIELD_POSTCODE, "1234", FALSE, LS_ERROR_INVALID_VALUE },
    { LS_FIELD_POSTCODE, "123456", FALSE, LS_ERROR_INVALID_VALUE },
    { LS_FIELD_POSTCODE, "123-45", FALSE, LS_ERROR_INVALID_VALUE },
    { LS_FIELD_POSTCODE, "12a45", FALSE, LS_ERROR_INVALID_VALUE },
    { LS_FIELD_POSTCODE, "SE-123 45", FALSE, LS_ERROR_INVALID_VALUE },
    { LS_FIELD_EMAIL, "vard.omsorg@exempelstad.se", TRUE, 0 },
    { LS_FIELD_EMAIL, "anna@kommun.example", TRUE, 0 },
    { LS_FIELD_EMAIL, "anna.kommun.se", FALSE, LS_ERROR_INVALID_VALUE },
    { LS_FIELD_EMAIL, "@kommun.se", FALSE, LS_ERROR_INVALID_VALUE },
    { LS_FIELD_EMAIL, "anna@kommun", FALSE, LS_ERROR_INVALID_VALUE },
    { LS_FIELD_EMAIL, "anna@kommun.se.", FALSE, LS_ERROR_INVALID_VALUE },
    { LS_FIELD_EMAIL, "an na@kommun.se", FALSE, LS_ERROR_INVALID_VALUE },
    { LS_FIELD_EMAIL, "anna@@kommun.se", FALSE, LS_ERROR_INVALID_VALUE },
    { LS_FIELD_UUID, "108402d6-8410-4307-a298-64786b3633aa", TRUE, 0 },
    { LS_FIELD_UUID, "108402d6-8410-4307-a298-64786b3633a", FALSE,
      LS_ERROR_INVALID_VALUE },
    { LS_FIELD_UUID, "unit-1", FALSE, LS_ERROR_INVALID_VALUE },
    { LS_FIELD_DATE, "2026-03-01", TRUE, 0 },
    { LS_FIELD_DATE, "2026-03-01T22:30:00+01:00", FALSE,
      LS_ERROR_INVALID_DATE },
    { LS_FIELD_DATETIME, "2026-03-01T22:30:00+01:00", TRUE, 0 },
    { LS_FIELD_DATETIME, "2026-03-01", FALSE, LS_ERROR_INVALID_DATE },
    { LS_FIELD_WHEN, "2026-03-01", TRUE, 0 },
    { LS_FIELD_WHEN, "2026-03-01T22:30:00+01:00", TRUE, 0 },
    { LS_FIELD_WHEN, "1 mars", FALSE, LS_ERROR_INVALID_DATE },
    { LS_FIELD_PNR, "811218-9876", TRUE, 0 },
    { LS_FIELD_PNR, "811218-9875", FALSE, LS_ERROR_INVALID_PNR },
    { LS_FIELD_REGNO, "VON-2026-0003", TRUE, 0 },
    { LS_FIELD_REGNO, "VON-2026-\n0003", FALSE, LS_ERROR_INVALID_REGNO },
    { LS_FIELD_REGNO, "0123456789012345678901234567890123456789X", FALSE,
      LS_ERROR_INVALID_REGNO },
    { LS_FIELD_TEXT, "Vad som helst, på flera\nrader.", TRUE, 0 },
    { LS_FIELD_TEXT, "\xff\xfe", FALSE, LS_ERROR_INVALID_VALUE },
    { LS_FIELD_CHOICE, "anything: the rules check it", TRUE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      gboolean valid;

      g_test_message ("field case %u", i);
      valid = ls_field_validate (cases[i].kind, cases[i].value, &error);
      g_assert_cmpint (valid, ==, cases[i].valid);
      if (cases[i].valid)
        g_assert_no_error (error);
      else
        g_assert_error (error, LS_ERROR, cases[i].code);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pnr/valid", test_valid);
  g_test_add_func ("/pnr/invalid", test_invalid);
  g_test_add_func ("/pnr/normalize", test_normalize);
  g_test_add_func ("/pnr/mask", test_mask);
  g_test_add_func ("/field/validate", test_field);
  return g_test_run ();
}
