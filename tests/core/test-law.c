/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ls-law.h"

/* The law table of the code against the traceability table of the
 * project, docs/law.md: every reference the app cites has its row, every
 * test the table names exists, and advice is cited as advice. */

#define NBSP "\xC2\xA0"

static char *
dup_source_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *full = g_build_filename (LS_TEST_SRCDIR, "..", path, NULL);
  char *contents = NULL;

  g_file_get_contents (full, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static gboolean
in_table (const char *doc, const char *reference)
{
  g_autofree char *cell = g_strdup_printf ("`%s`", reference);
  const char *found = strstr (doc, cell);

  /* in a row of a table, not only in the prose */
  while (found != NULL)
    {
      const char *line = found;

      while (line > doc && line[-1] != '\n')
        line--;
      if (line[0] == '|')
        return TRUE;
      found = strstr (found + 1, cell);
    }
  return FALSE;
}

static void
test_every_reference_has_a_row (void)
{
  g_autofree char *doc = dup_source_file ("docs/law.md");

  for (guint ref = 0; ref < LS_LAW_N_REFS; ref++)
    if (!in_table (doc, ls_law_get_reference (ref)))
      g_error ("“%s” has no row in docs/law.md", ls_law_get_reference (ref));
  for (LsRegime regime = LS_REGIME_SOL; regime <= LS_REGIME_LSS; regime++)
    {
      g_assert_true (in_table (doc, ls_law_get_report_section (regime)));
      g_assert_true (in_table (doc, ls_law_get_investigation_section (regime)));
      g_assert_true (in_table (doc, ls_law_get_notification_section (regime)));
    }
}

/* Each backquoted `tests/…` file exists, and a `/test/path` after it in the
 * same row is a test of that file. */
static void
test_every_test_exists (void)
{
  g_autofree char *doc = dup_source_file ("docs/law.md");
  g_auto (GStrv) lines = g_strsplit (doc, "\n", -1);
  guint n_files = 0, n_paths = 0, n_rows = 0, n_not_covered = 0;
  gboolean in_sosfs = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) parts = NULL;
      g_autofree char *file = NULL;
      g_autofree char *contents = NULL;

      if (g_str_has_prefix (lines[i], "## "))
        in_sosfs = strcmp (lines[i], "## SOSFS 2011:5") == 0;
      if (lines[i][0] != '|')
        continue;
      if (in_sosfs && !g_str_has_prefix (lines[i], "|---") &&
          !g_str_has_prefix (lines[i], "| Provision"))
        n_rows++;
      if (strstr (lines[i], "not covered yet |") != NULL)
        n_not_covered++;

      /* odd parts are what stood between backquotes */
      parts = g_strsplit (lines[i], "`", -1);
      for (guint j = 1; parts[j] != NULL; j += 2)
        {
          if (g_str_has_prefix (parts[j], "tests/"))
            {
              g_clear_pointer (&contents, g_free);
              g_free (file);
              file = g_strdup (parts[j]);
              contents = dup_source_file (file);
              n_files++;
            }
          else if (parts[j][0] == '/' && contents != NULL)
            {
              g_autofree char *quoted = g_strdup_printf ("\"%s\"", parts[j]);

              if (strstr (contents, quoted) == NULL)
                g_error ("%s has no test %s", file, parts[j]);
              n_paths++;
            }
          if (parts[j + 1] == NULL)
            break;
        }
    }

  /* every section and advice paragraph, and the annex as one row */
  g_assert_cmpuint (n_rows, >=, 44);
  g_assert_cmpuint (n_files, >=, 30);
  g_assert_cmpuint (n_paths, >=, 25);
  /* Every row is covered now; a row not covered yet names no test. */
  g_assert_cmpuint (n_not_covered, ==, 0);
}

/* Advice is called advice, and IVO's follow-up advice is not a section. */
static void
test_advice_cited_as_advice (void)
{
  for (guint ref = 0; ref < LS_LAW_N_REFS; ref++)
    {
      const char *text = ls_law_get_reference (ref);

      if (strstr (text, "allmänna råd") != NULL)
        g_assert_true (g_str_has_prefix (text, "allmänna råd till "));
      if (ref != LS_LAW_PREVENTIVE_ACTIONS)
        g_assert_cmpstr (text, !=, "5 kap. 5 § SOSFS 2011:5");
    }
  g_assert_nonnull (strstr (ls_law_get_reference (LS_LAW_FOLLOW_UP), "IVO"));
  g_assert_cmpstr (ls_law_get_reference (LS_LAW_SCOPE), ==,
                   "1 kap. 1 § SOSFS 2011:5");
  g_assert_cmpstr (ls_law_get_reference (LS_LAW_INFORM_REPORTERS), ==,
                   "2 kap. 2 § SOSFS 2011:5");
  g_assert_cmpstr (ls_law_get_reference (LS_LAW_BOARD_MUNICIPAL), ==,
                   "2 kap. 4 § SOSFS 2011:5");
  g_assert_cmpstr (ls_law_get_reference (LS_LAW_ROUTINES), ==,
                   "7 kap. 1 § SOSFS 2011:5");
  g_assert_cmpstr (ls_law_get_report_section (LS_REGIME_SOL), ==,
                   "14 kap. 3 § SoL");
  g_assert_cmpstr (ls_law_get_report_section (LS_REGIME_LSS), ==, "24 b § LSS");
}

static void
test_format_reference (void)
{
  static const struct
  {
    const char *in;
    const char *out;
  } cases[] = {
    { "Åtgärder (5 kap. 3 § 1)",
      "Åtgärder (5" NBSP "kap." NBSP "3" NBSP "§" NBSP "1)" },
    { "enligt 24 f § LSS och 14 kap. 7 § SoL",
      "enligt 24" NBSP "f" NBSP "§" NBSP "LSS och 14" NBSP "kap." NBSP "7" NBSP
      "§" NBSP "SoL" },
    { "6 kap. 1–2 §§ SOSFS 2011:5",
      "6" NBSP "kap." NBSP "1–2" NBSP "§§" NBSP "SOSFS" NBSP "2011:5" },
    { "2 kap. 2 och 4 §§",
      "2" NBSP "kap." NBSP "2" NBSP "och" NBSP "4" NBSP "§§" },
    { "Anna kom 3 gånger och 2 kap. till",
      "Anna kom 3 gånger och 2" NBSP "kap. till" },
    { "Inget här att göra", "Inget här att göra" },
    { "", "" },
    { "ends with 5", "ends with 5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = ls_law_format_reference (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
  {
    g_autofree char *out = ls_law_format_reference (NULL);

    g_assert_cmpstr (out, ==, "");
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/law/docs/every-reference-has-a-row",
                   test_every_reference_has_a_row);
  g_test_add_func ("/law/docs/every-test-exists", test_every_test_exists);
  g_test_add_func ("/law/advice-cited-as-advice", test_advice_cited_as_advice);
  g_test_add_func ("/law/format-reference", test_format_reference);

  return g_test_run ();
}
