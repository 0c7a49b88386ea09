/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ls-attachment.h"
#include "ls-case-attachments.h"
#include "ls-core-test.h"
#include "ls-store.h"
#include "ls-test-utils.h"

/* Attaching a file to a case goes through the app's own file chooser.
 * Without a portal GTK shows its file chooser dialog for it, which the
 * test answers as a user would: the file chosen, then Attach. */

/* Under AddressSanitizer: the file chooser leaves caches of system
 * libraries built without frame pointers, which tests/lsan.supp names by
 * their library; the fast unwinder stops before it reaches them. */
const char *__asan_default_options (void);

const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

#define CASE_OPEN "2964fd60-6bce-47ca-b9e8-3be54621b4eb"
#define STATEMENT "Nattpersonalen hörde larmet kl. 22.30 men var i hus B.\n"

typedef struct
{
  char *dir;
  LsStore *store;
  GtkWidget *window;
  LsCaseAttachments *attachments;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (JsonNode) document = ls_core_test_load_example ();
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  f->dir = ls_core_test_make_tmpdir ("case-attachments");
  path = g_build_filename (f->dir, "cases.db", NULL);
  f->store = ls_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (ls_store_import_document (f->store, document, "Maria Lind",
                                           NULL, &error));
  g_assert_no_error (error);

  f->window = g_object_ref_sink (adw_window_new ());
  f->attachments = g_object_new (LS_TYPE_CASE_ATTACHMENTS, NULL);
  adw_window_set_content (ADW_WINDOW (f->window), GTK_WIDGET (f->attachments));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 640, 480);
  gtk_window_present (GTK_WINDOW (f->window));
  ls_case_attachments_show (f->attachments, f->store, CASE_OPEN, "Maria Lind");
  ls_test_wait_for_frames (f->window, 2);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  ls_test_destroy_windows ();
  g_clear_object (&f->window);
  g_clear_object (&f->store);
  ls_core_test_remove_tree (f->dir);
  g_free (f->dir);
}

static gboolean
chooser_shown (gpointer data)
{
  return ls_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

/* The chooser selects a file once it has read its folder. */
static gboolean
file_selected (gpointer data)
{
  GtkFileChooser *chooser =
      GTK_FILE_CHOOSER (ls_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_autoptr (GFile) selected = gtk_file_chooser_get_file (chooser);

  return selected != NULL && g_file_equal (selected, data);
}

static gboolean
one_shown (gpointer data)
{
  return ls_case_attachments_get_n_shown (data) == 1;
}

static void
test_attach_through_chooser (Fixture *f, gconstpointer data)
{
  g_autofree char *path =
      g_build_filename (f->dir, "Vittnesmål natt.txt", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *sha256 =
      g_compute_checksum_for_string (G_CHECKSUM_SHA256, STATEMENT, -1);
  g_autoptr (GPtrArray) stored = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *chooser;
  LsAttachment *attachment;

  g_assert_true (g_file_set_contents (path, STATEMENT, -1, &error));
  g_assert_cmpuint (ls_case_attachments_get_n_shown (f->attachments), ==, 0);

  ls_test_click (f->window, "Attach a File…");
  ls_test_wait_until (chooser_shown, NULL);
  chooser = ls_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_OPEN);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==,
                   "Attach a File to the Case");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (chooser)) ==
                 GTK_WINDOW (f->window));
  gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, &error);
  g_assert_no_error (error);
  ls_test_wait_until (file_selected, file);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  /* Read and stored off the main loop, then listed. */
  ls_test_wait_until (one_shown, f->attachments);
  g_assert_true (ls_test_widget_has_text (f->window, "Vittnesmål natt.txt"));
  stored = ls_store_list_attachments (f->store, CASE_OPEN, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 1);
  attachment = stored->pdata[0];
  g_assert_cmpstr (ls_attachment_get_name (attachment), ==,
                   "Vittnesmål natt.txt");
  g_assert_cmpint (ls_attachment_get_size (attachment), ==, strlen (STATEMENT));
  g_assert_cmpstr (ls_attachment_get_sha256 (attachment), ==, sha256);
  g_assert_cmpstr (ls_attachment_get_content_type (attachment), ==,
                   "text/plain");
  g_assert_cmpstr (ls_attachment_get_added_by (attachment), ==, "Maria Lind");
  bytes = ls_store_read_attachment (
      f->store, ls_attachment_get_uuid (attachment), &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   STATEMENT, strlen (STATEMENT));
}

int
main (int argc, char *argv[])
{
  ls_test_init_gtk (&argc, &argv);

  g_test_add ("/case-attachments/attach-through-chooser", Fixture, NULL,
              fixture_set_up, test_attach_through_chooser, fixture_tear_down);
  return g_test_run ();
}
