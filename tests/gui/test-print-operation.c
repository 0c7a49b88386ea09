/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ls-form-test-utils.h"
#include "ls-print-operation.h"
#include "ls-test-utils.h"

/* What is sent to a printer is what the PDF shows: exported through the
 * print operation, every label and value is there, on as many A4 pages. */
static void
test_export_matches_the_form (void)
{
  g_autoptr (LsNotificationForm) form = ls_test_example_form ();
  g_autoptr (LsFormDocument) doc = ls_notification_form_build_document (form);
  g_autoptr (LsPrintOperation) operation = ls_print_operation_new (doc);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ls-print-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *all = NULL;
  g_autofree char *squeezed = NULL;
  g_autoptr (PopplerDocument) pdf = NULL;
  GtkPageSetup *setup;
  GtkPrintOperationResult result;

  g_assert_no_error (error);
  g_assert_true (ls_print_operation_get_document (operation) == doc);

  /* A4 portrait unless the user chooses otherwise */
  setup = gtk_print_operation_get_default_page_setup (
      GTK_PRINT_OPERATION (operation));
  g_assert_cmpstr (
      gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup)), ==,
      GTK_PAPER_NAME_A4);
  g_assert_cmpint (gtk_page_setup_get_orientation (setup), ==,
                   GTK_PAGE_ORIENTATION_PORTRAIT);

  path = g_build_filename (dir, "anmälan.pdf", NULL);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation),
                                           path);
  result =
      gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                               GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  uri = g_filename_to_uri (path, NULL, &error);
  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==,
                   ls_form_document_get_n_pages (doc));
  g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 2);
  ls_test_assert_a4 (pdf);
  ls_test_assert_page_numbers (pdf);

  all = ls_test_dup_all_text (pdf);
  squeezed = ls_test_squeeze (all);
  for (guint i = 0; i < LS_NOTIFICATION_N_FIELDS; i++)
    {
      g_autofree char *label =
          ls_test_squeeze (ls_notification_field_get_label (i));
      g_autofree char *value =
          ls_test_squeeze (ls_notification_form_get_text (form, i));

      if (strstr (squeezed, label) == NULL)
        g_error ("label “%s” is not printed",
                 ls_notification_field_get_label (i));
      if (strstr (squeezed, value) == NULL)
        g_error ("value “%s” is not printed",
                 ls_notification_form_get_text (form, i));
    }
  /* the printed pages are drawn as the PDF's: check boxes included */
  ls_test_assert_checks_drawn (doc, pdf);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* On a wider or shorter paper the whole page shrinks to fit: nothing at its
 * edges is lost. */
static void
test_export_on_letter_paper (void)
{
  g_autoptr (LsNotificationForm) form = ls_test_example_form ();
  g_autoptr (LsFormDocument) doc = ls_notification_form_build_document (form);
  g_autoptr (LsPrintOperation) operation = ls_print_operation_new (doc);
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) letter = gtk_paper_size_new (GTK_PAPER_NAME_LETTER);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ls-print-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "letter.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *text = NULL;
  g_autoptr (PopplerDocument) pdf = NULL;

  gtk_page_setup_set_paper_size (setup, letter);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation),
                                              setup);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation),
                                           path);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                            GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  text = ls_test_dup_page_text (pdf, 0);
  ls_test_assert_in_order (
      text, (const char *[]){ "ANMÄLAN – lex Sarah", "Sida 1 av 2", NULL });
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_job_name (void)
{
  g_autoptr (LsNotificationForm) form = ls_test_example_form ();
  g_autoptr (LsFormDocument) doc = ls_notification_form_build_document (form);
  g_autoptr (LsPrintOperation) operation = ls_print_operation_new (doc);
  g_autofree char *job_name = NULL;

  g_object_get (operation, "job-name", &job_name, NULL);
  g_assert_cmpstr (job_name, ==, "ANMÄLAN – lex Sarah, SN 2026/0142");
}

int
main (int argc, char *argv[])
{
  ls_test_init_gtk (&argc, &argv);

  g_test_add_func ("/print-operation/export", test_export_matches_the_form);
  g_test_add_func ("/print-operation/letter-paper",
                   test_export_on_letter_paper);
  g_test_add_func ("/print-operation/job-name", test_job_name);

  return g_test_run ();
}
