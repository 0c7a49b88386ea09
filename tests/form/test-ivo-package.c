/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include "ls-case-documents.h"
#include "ls-cli-commands.h"
#include "ls-form-test-utils.h"
#include "ls-ivo-package.h"
#include "ls-store.h"

/* The package for IVO: one folder with the form, the investigation, the
 * routines, the chosen attachments and a cover list; nothing at all when
 * something the package needs is missing. */

#define CASE_CLOSED "108402d6-8410-4307-a298-64786b3633aa"

typedef struct
{
  char *dir;
  char *db;
  LsStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *example =
      g_build_filename (LS_TEST_SRCDIR, "..", "docs", "example.json", NULL);

  f->dir = g_dir_make_tmp ("ls-ivo-package-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "cases.db", NULL);
  f->store = ls_store_open (f->db, &error);
  g_assert_no_error (error);
  json_parser_load_from_file (parser, example, &error);
  g_assert_no_error (error);
  g_assert_true (ls_store_import_document (
      f->store, json_parser_get_root (parser), "Test", NULL, &error));
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

/* A small PDF of one empty page, made by the form renderer. */
static GBytes *
dup_pdf (const char *title)
{
  g_autoptr (LsFormDocument) doc = ls_form_document_new (title, title);
  g_autoptr (GError) error = NULL;
  GBytes *bytes;

  ls_form_document_add_paragraph (doc, title, FALSE);
  bytes = ls_form_document_to_pdf_bytes (doc, &error);
  g_assert_no_error (error);
  return bytes;
}

/* Returns the attachment's uuid. */
static char *
attach (Fixture *f, const char *name, const char *type, const char *kind)
{
  g_autoptr (GBytes) data = dup_pdf (name);
  g_autoptr (GError) error = NULL;
  g_autoptr (LsAttachment) attachment = ls_attachment_new (
      name, type, kind, data, NULL, "Maria Lind", NULL, &error);
  g_autoptr (LsAttachment) stored = NULL;

  g_assert_no_error (error);
  stored =
      ls_store_add_attachment (f->store, CASE_CLOSED, attachment, data, &error);
  g_assert_no_error (error);
  return g_strdup (ls_attachment_get_uuid (stored));
}

/* Chooses @uuid for the package, as the notification wizard does: the
 * choice is kept with the case. */
static void
choose (Fixture *f, const char *uuid)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsCase) lcase =
      ls_store_find_case_by_regno (f->store, "VON-2026-0003", &error);

  g_assert_no_error (error);
  ls_notification_set_attachment_sent (ls_case_get_notification (lcase), uuid,
                                       TRUE);
  g_assert_true (
      ls_store_save_case_why (f->store, lcase, "Maria Lind", NULL, &error));
  g_assert_no_error (error);
}

static char *
dup_pdf_text (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  g_autoptr (PopplerDocument) pdf =
      poppler_document_new_from_file (uri, NULL, &error);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  text = ls_test_dup_all_text (pdf);
  return ls_test_squeeze (text);
}

static void
assert_mode (const char *path, guint mode)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, mode);
}

static void
test_package (Fixture *f, gconstpointer data)
{
  g_autofree char *folder = g_build_filename (f->dir, "IVO", NULL);
  g_autofree char *form = NULL;
  g_autofree char *list = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) written = NULL;

  g_autofree char *statement = NULL;

  g_free (attach (f, "Rutin larm.pdf", "application/pdf", "routines"));
  statement = attach (f, "Vittnesmål natt.pdf", "application/pdf", "statement");
  /* Two statements, one chosen to go with the notification. */
  g_free (attach (f, "Anteckning dag.pdf", "application/pdf", "statement"));
  choose (f, statement);

  g_assert_true (ls_ivo_package_write (f->store, "VON-2026-0003", NULL, folder,
                                       &written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (written), ==, 5);
  g_assert_cmpstr (written[1], ==, "01 Anmälan lex Sarah VON-2026-0003.pdf");
  g_assert_cmpstr (written[2], ==, "02 Utredning VON-2026-0003.pdf");
  g_assert_cmpstr (written[3], ==, "03 Rutin larm.pdf");
  g_assert_cmpstr (written[4], ==, "04 Vittnesmål natt.pdf");
  assert_mode (folder, 0700);
  for (guint i = 0; written[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (folder, written[i], NULL);

      assert_mode (path, 0600);
    }

  /* The form names the other attachment it is sent with. */
  {
    g_autofree char *path = g_build_filename (folder, written[1], NULL);
    g_autofree char *name = ls_test_squeeze ("Vittnesmål natt.pdf");

    g_autofree char *other = ls_test_squeeze ("Anteckning dag.pdf");

    form = dup_pdf_text (path);
    g_assert_nonnull (strstr (form, name));
    g_assert_null (strstr (form, other));
  }
  /* The list says what is there. */
  {
    g_autofree char *path = g_build_filename (folder, written[0], NULL);

    g_assert_true (g_file_get_contents (path, &list, NULL, &error));
    g_assert_nonnull (strstr (list, "VON-2026-0003"));
    g_assert_nonnull (strstr (list, "02 Utredning VON-2026-0003.pdf"));
    g_assert_nonnull (strstr (list, "Gällande rutiner"));
    g_assert_nonnull (strstr (list, "SHA-256"));
    g_assert_nonnull (strstr (list, "04 Vittnesmål natt.pdf"));
    g_assert_null (strstr (list, "Anteckning dag"));
  }

  /* The same folder is not written over. */
  g_assert_false (ls_ivo_package_write (f->store, "VON-2026-0003", NULL, folder,
                                        NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
}

/* The form says the routines are attached, and the case holds them only
 * as a text file: nothing is written, and the message says what lacks. */
static void
test_missing (Fixture *f, gconstpointer data)
{
  g_autofree char *folder = g_build_filename (f->dir, "IVO", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_assert_false (ls_ivo_package_write (f->store, "VON-2026-0003", NULL, folder,
                                        NULL, &error));
  g_assert_error (error, LS_FORM_ERROR, LS_FORM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "routines"));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* The open case is not decided on: no package. */
  g_assert_false (ls_ivo_package_write (f->store, "VON-2026-0004", NULL, folder,
                                        NULL, &error));
  g_assert_nonnull (strstr (error->message, "decision to notify"));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  /* No half-written folder is left beside it either. */
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".IVO"));
}

/* `lexsarah --database FILE --ivo-package REGNO --output DIR` */
static void
test_command_line (Fixture *f, gconstpointer data)
{
  g_autofree char *folder = g_build_filename (f->dir, "Till IVO", NULL);
  g_autoptr (GVariantDict) options = g_variant_dict_new (NULL);
  g_autofree char *form =
      g_build_filename (folder, "01 Anmälan lex Sarah VON-2026-0003.pdf", NULL);

  g_autofree char *chosen =
      g_build_filename (folder, "04 Vittnesmål natt.pdf", NULL);
  g_autofree char *statement = NULL;

  /* The routines go as the form says; of two statements the one chosen. */
  statement = attach (f, "Vittnesmål natt.pdf", "application/pdf", "statement");
  g_free (attach (f, "Anteckning dag.pdf", "application/pdf", "statement"));
  g_free (attach (f, "Rutin larm.pdf", "application/pdf", "routines"));
  choose (f, statement);
  g_clear_object (&f->store);
  g_variant_dict_insert (options, "ivo-package", "s", "VON-2026-0003");
  g_variant_dict_insert_value (options, "output",
                               g_variant_new_bytestring (folder));
  g_assert_true (ls_cli_wants_command (options));
  g_assert_cmpint (ls_cli_run (f->db, options), ==, 0);
  g_assert_true (g_file_test (form, G_FILE_TEST_IS_REGULAR));
  assert_mode (folder, 0700);
  /* the stored choice: one statement of two */
  {
    g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_assert_null (strstr (name, "Anteckning"));
        n++;
      }
    g_assert_cmpuint (n, ==, 5);
  }
  g_assert_true (g_file_test (chosen, G_FILE_TEST_IS_REGULAR));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func)                                                        \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ivo-package/complete", test_package);
  ADD ("/ivo-package/missing", test_missing);
  ADD ("/ivo-package/command-line", test_command_line);
#undef ADD
  return g_test_run ();
}
