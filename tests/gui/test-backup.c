/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

#include "ls-backup.h"
#include "ls-core-test.h"
#include "ls-test-app.h"
#include "ls-test-utils.h"
#include "ls-window.h"

/* The one file a manager can trust: after the app ended through its quit
 * action the database file alone (no -wal) holds every case; Back up…
 * writes a copy that says where it is; Restore… checks a copy, asks, and
 * keeps the cases it replaced. */

/* Cases in a copy of @path taken alone, as a manager's copy of "the one
 * file" would be. */
static gint64
count_alone (const char *path)
{
  g_autofree char *alone = g_strconcat (path, ".alone", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gsize length;
  gint64 n = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (alone, contents, length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open_v2 (alone, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  /* Without the WAL even the tables may be missing. */
  if (sqlite3_prepare_v2 (db, "SELECT count(*) FROM cases", -1, &stmt, NULL) ==
          SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_unlink (alone);
  return n;
}

static void
save_numbered (LsApplication *app, guint n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LsCase) lcase = ls_core_test_numbered_case (n);

  ls_store_save_case (ls_application_get_store (app), lcase, "Test", &error);
  g_assert_no_error (error);
}

static void
quit_activate_cb (GApplication *application, gpointer data)
{
  LsApplication *app = LS_APPLICATION (application);

  ls_test_wait_for_store (app);
  g_assert_null (ls_application_get_store_error (app));
  save_numbered (app, 11);
  save_numbered (app, 12);
  ls_test_open_window (app, 900, 700);
  /* As Ctrl+Q does. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static void
quit_in_subprocess (void)
{
  g_autofree char *path = ls_test_make_database ("quit", "docs/example.json");
  g_autoptr (LsApplication) app = ls_application_new ();
  char *argv[] = { (char *) "lexsarah", NULL };

  ls_application_open_database (app, path);
  g_signal_connect (app, "activate", G_CALLBACK (quit_activate_cb), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 1, argv), ==, 0);

  /* The windows were closed and the app let go of the store at its
   * shutdown; the file alone holds every case even while a task still
   * running may hold the store open. */
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_null (ls_application_get_store (app));
  g_assert_cmpint (count_alone (path), ==, 4);
  ls_test_destroy_windows ();
}

/* In a process of its own: an application that ran cannot run again, nor
 * share the session bus with another of the same id. */
static void
test_quit_checkpoints (void)
{
  if (g_test_subprocess ())
    {
      quit_in_subprocess ();
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* One registered application for the tests that do not quit it. */
static LsApplication *shared_app;

static LsApplication *
start_app (const char *name, GtkWidget **window)
{
  g_autofree char *path = ls_test_make_database (name, "docs/example.json");
  g_autoptr (GError) error = NULL;

  if (shared_app == NULL)
    {
      shared_app = ls_application_new ();
      g_assert_true (
          g_application_register (G_APPLICATION (shared_app), NULL, &error));
      g_assert_no_error (error);
    }
  ls_test_open_database (shared_app, path);
  *window = ls_test_open_window (shared_app, 900, 700);
  return shared_app;
}

static gint64
count_cases (LsApplication *app)
{
  g_autoptr (GError) error = NULL;
  gint64 n =
      ls_store_count_cases (ls_application_get_store (app), NULL, &error);

  g_assert_no_error (error);
  return n;
}

static gboolean
holds_three_cases (gpointer data)
{
  LsApplication *app = data;

  return ls_application_get_store (app) != NULL &&
         ls_application_get_organisation (app) != NULL &&
         count_cases (app) == 3;
}

static void
test_backup_and_restore (void)
{
  GtkWidget *window = NULL;
  LsApplication *app = start_app ("backup", &window);
  g_autofree char *copy_path =
      g_build_filename (LS_TEST_BUILDDIR, "databases", "backup-copy.db", NULL);
  g_autoptr (GFile) copy = g_file_new_for_path (copy_path);
  g_autofree char *said = NULL;
  g_autofree char *keep_prefix = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *databases = NULL;
  const char *name;
  GtkWindow *dialog;
  GStatBuf st;

  g_unlink (copy_path);
  save_numbered (app, 21);
  g_assert_cmpint (count_cases (app), ==, 3);

  /* Back up… says where the copy went; the copy alone is whole. */
  ls_backup_write (app, GTK_WINDOW (window), copy);
  said = g_strdup_printf ("Backup written to “%s”", copy_path);
  ls_test_wait_for_text (window, said);
  g_assert_cmpint (g_stat (copy_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (count_alone (copy_path), ==, 3);
  ls_test_wait_for_frames (window, 2);
  g_free (ls_test_save_screenshot (window, "backup-written"));

  /* A case saved after the backup is gone once it is restored. */
  save_numbered (app, 22);
  g_assert_cmpint (count_cases (app), ==, 4);

  /* Restore… asks first, naming how many cases the copy has. */
  ls_restore_check (app, GTK_WINDOW (window), copy);
  ls_test_wait_until ((LsTestCondition) ls_test_find_toplevel,
                      (gpointer) ADW_TYPE_MESSAGE_DIALOG);
  dialog = GTK_WINDOW (ls_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (
      ls_test_widget_has_text (GTK_WIDGET (dialog), "Restore the Backup?"));
  g_assert_true (g_str_has_prefix (
      adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
      "“backup-copy.db” holds 3 cases."));
  ls_test_wait_for_frames (GTK_WIDGET (dialog), 2);
  for (guint i = 0; i < LS_TEST_N_LOOKS; i++)
    {
      g_autofree char *shot =
          g_strconcat ("restore-confirm", ls_test_looks[i].suffix, NULL);

      ls_test_use_dark (ls_test_looks[i].dark);
      gtk_window_set_default_size (
          dialog, ls_test_looks[i].narrow ? LS_TEST_NARROW_WIDTH : -1, -1);
      ls_test_wait_for_frames (GTK_WIDGET (dialog), 3);
      g_free (ls_test_save_screenshot (GTK_WIDGET (dialog), shot));
    }
  ls_test_use_dark (FALSE);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");

  /* The copy's three cases, and the four before kept beside the file. */
  /* A restore copies the whole file and opens it again: on a busy machine
   * that takes longer than a step of a window. */
  ls_test_wait_until_for (60, holds_three_cases, app);
  keep_prefix = g_strdup_printf ("backup-%d-before-restore-", (int) getpid ());
  databases = g_path_get_dirname (copy_path);
  dir = g_dir_open (databases, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, keep_prefix) && g_str_has_suffix (name, ".db"))
      kept = g_build_filename (LS_TEST_BUILDDIR, "databases", name, NULL);
  g_assert_nonnull (kept);
  g_assert_cmpint (count_alone (kept), ==, 4);
  g_unlink (kept);
  ls_test_destroy_windows ();
}

static void
test_restore_refuses (void)
{
  GtkWidget *window = NULL;
  LsApplication *app = start_app ("restore-refuses", &window);
  g_autofree char *path =
      g_build_filename (LS_TEST_BUILDDIR, "databases", "notes.db", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autofree char *said =
      g_strdup_printf ("“%s” is not a Lex Sarah case database.", path);

  g_file_set_contents (path, "Anteckningar\n", -1, &error);
  g_assert_no_error (error);

  ls_restore_check (app, GTK_WINDOW (window), file);
  ls_test_wait_for_text (window, said);
  g_assert_null (ls_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpint (count_cases (app), ==, 2);
  ls_test_destroy_windows ();
}

int
main (int argc, char *argv[])
{
  int status;

  ls_test_init_gtk (&argc, &argv);

  g_test_add_func ("/backup/backup-and-restore", test_backup_and_restore);
  g_test_add_func ("/backup/restore-refuses", test_restore_refuses);
  g_test_add_func ("/backup/quit-checkpoints", test_quit_checkpoints);
  status = g_test_run ();
  ls_test_destroy_windows ();
  g_clear_object (&shared_app);
  return status;
}
