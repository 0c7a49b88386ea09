/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-backup"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-backup.h"

/* Back up… and Restore… of the main menu.  A manager never copies the
 * database's files by hand: the store writes a consistent copy at any
 * moment, and a copy is put back only after it was checked and the
 * manager confirmed, the cases it replaces kept in a file of their own.
 * The file is chosen with the native chooser (the portal inside a
 * sandbox); what follows the choice is public so that it can be driven
 * without one. */

typedef struct
{
  LsApplication *app;
  GtkWindow *parent;
  char *path;
  char *keep;
} BackupData;

static void
backup_data_free (BackupData *data)
{
  g_clear_object (&data->app);
  g_clear_object (&data->parent);
  g_free (data->path);
  g_free (data->keep);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BackupData, backup_data_free)

static BackupData *
backup_data_new (LsApplication *app, GtkWindow *parent, GFile *file)
{
  BackupData *data = g_new0 (BackupData, 1);

  data->app = g_object_ref (app);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->path = g_file_get_path (file);
  return data;
}

static AdwToastOverlay *
find_overlay (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return ADW_TOAST_OVERLAY (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwToastOverlay *found = find_overlay (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* In a toast of @parent, which says where files went; a window closed
 * meanwhile has nobody to tell. */
static void
tell (GtkWindow *parent, const char *text)
{
  AdwToastOverlay *overlay =
      parent != NULL ? find_overlay (GTK_WIDGET (parent)) : NULL;
  AdwToast *toast;

  if (overlay == NULL)
    return;
  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (overlay, toast);
}

static GtkFileChooserNative *
new_chooser (GtkWindow *parent,
             const char *title,
             GtkFileChooserAction action,
             const char *accept)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, parent, action, accept,
                                         _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _ ("Case databases"));
  gtk_file_filter_add_suffix (filter, "db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  return chooser;
}

/* ---- Back up ------------------------------------------------------------ */

static void
backup_written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BackupData) data = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *message = NULL;

  if (!ls_store_backup_finish (LS_STORE (source), result, &error))
    {
      tell (data->parent, error->message);
      return;
    }
  display = g_filename_display_name (data->path);
  /* Translators: %s is the whole path of the copy. */
  message = g_strdup_printf (_ ("Backup written to “%s”"), display);
  tell (data->parent, message);
}

/**
 * ls_backup_write:
 * @file: where the copy goes
 *
 * Writes a copy of the app's database to @file off the main loop and
 * tells in a toast of @parent where it went, or why it could not.
 */
void
ls_backup_write (LsApplication *app, GtkWindow *parent, GFile *file)
{
  LsStore *store;

  g_return_if_fail (LS_IS_APPLICATION (app));
  g_return_if_fail (G_IS_FILE (file));

  store = ls_application_get_store (app);
  if (store == NULL)
    return;
  ls_store_backup_async (store, g_file_peek_path (file), NULL,
                         backup_written_cb,
                         backup_data_new (app, parent, file));
}

static void
backup_chosen_cb (GtkNativeDialog *chooser, int response, gpointer user_data)
{
  g_autoptr (BackupData) data = user_data;
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    ls_backup_write (data->app, data->parent, file);
  g_object_unref (chooser);
}

/**
 * ls_backup_choose:
 *
 * Asks where to write a backup, with a name that says the day, and writes
 * it there.
 */
void
ls_backup_choose (LsApplication *app, GtkWindow *parent)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  BackupData *data;

  g_return_if_fail (LS_IS_APPLICATION (app));

  if (ls_application_get_store (app) == NULL)
    return;
  chooser = new_chooser (parent, _ ("Back Up the Case Database"),
                         GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Back Up"));
  /* Translators: the file name a backup is offered, %s the day. */
  name = g_strdup_printf (_ ("lexsarah-backup-%s.db"), day);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  data = g_new0 (BackupData, 1);
  data->app = g_object_ref (app);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  g_signal_connect (chooser, "response", G_CALLBACK (backup_chosen_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- Restore ------------------------------------------------------------ */

/**
 * ls_restore_dup_keep_path:
 * @database: the database a copy replaces
 *
 * Returns: (transfer full): where the cases a restore replaces are kept:
 *   beside @database, named with the moment
 */
char *
ls_restore_dup_keep_path (const char *database)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  g_autofree char *base = g_strdup (database);
  char *dot = strrchr (base, '.');

  if (dot != NULL && strchr (dot, G_DIR_SEPARATOR) == NULL)
    *dot = '\0';
  return g_strdup_printf ("%s-before-restore-%s.db", base, stamp);
}

static void
restored_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BackupData) data = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *keep = NULL;
  g_autofree char *message = NULL;

  if (!ls_store_restore_finish (LS_STORE (source), result, &error))
    {
      tell (data->parent, error->message);
      return;
    }
  /* Read again, so that the organisation and every window follow the
   * restored content. */
  ls_application_reload (data->app);
  keep = g_filename_display_name (data->keep);
  /* Translators: %s is the whole path of the file with the cases that
   * were in the database before. */
  message = g_strdup_printf (
      _ ("The backup was restored. The cases before it are kept in “%s”"),
      keep);
  tell (data->parent, message);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char *response,
                     gpointer user_data)
{
  g_autoptr (BackupData) data = user_data;
  LsStore *store = ls_application_get_store (data->app);
  BackupData *owned;

  if (!g_str_equal (response, "restore") || store == NULL)
    return;
  owned = g_steal_pointer (&data);
  owned->keep = ls_restore_dup_keep_path (ls_store_get_location (store));
  ls_store_restore_async (store, owned->path, owned->keep, NULL, restored_cb,
                          owned);
}

static void
copy_checked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (BackupData) data = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  gint64 n;

  n = ls_store_check_copy_finish (LS_STORE (source), result, &error);
  if (n < 0)
    {
      tell (data->parent, error->message);
      return;
    }

  name = g_filename_display_basename (data->path);
  body = g_strdup_printf (
      /* Translators: %s is the copy's file name. */
      g_dngettext (
          GETTEXT_PACKAGE,
          "“%s” holds %d case. Every case in the database now is replaced by "
          "the copy's, and kept in a file of its own beside the "
          "database.",
          "“%s” holds %d cases. Every case in the database now is replaced by "
          "the copy's, and kept in a file of its own beside the "
          "database.",
          (gulong) n),
      name, (int) n);
  dialog = ADW_MESSAGE_DIALOG (
      adw_message_dialog_new (data->parent, _ ("Restore the Backup?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "restore",
                                    _ ("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb),
                    g_steal_pointer (&data));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * ls_restore_check:
 * @file: the copy chosen
 *
 * Checks @file off the main loop and, when it is a copy of a case
 * database that this version can open, asks before it replaces the
 * current content.  A file refused is said in a toast of @parent.
 */
void
ls_restore_check (LsApplication *app, GtkWindow *parent, GFile *file)
{
  LsStore *store;

  g_return_if_fail (LS_IS_APPLICATION (app));
  g_return_if_fail (G_IS_FILE (file));

  store = ls_application_get_store (app);
  if (store == NULL || g_file_peek_path (file) == NULL)
    return;
  ls_store_check_copy_async (store, g_file_peek_path (file), NULL,
                             copy_checked_cb,
                             backup_data_new (app, parent, file));
}

static void
restore_chosen_cb (GtkNativeDialog *chooser, int response, gpointer user_data)
{
  g_autoptr (BackupData) data = user_data;
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    ls_restore_check (data->app, data->parent, file);
  g_object_unref (chooser);
}

/**
 * ls_restore_choose:
 *
 * Asks for a backup to restore, then checks it and asks again before it
 * replaces anything.
 */
void
ls_restore_choose (LsApplication *app, GtkWindow *parent)
{
  GtkFileChooserNative *chooser;
  BackupData *data;

  g_return_if_fail (LS_IS_APPLICATION (app));

  if (ls_application_get_store (app) == NULL)
    return;
  chooser = new_chooser (parent, _ ("Restore a Backup"),
                         GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"));
  data = g_new0 (BackupData, 1);
  data->app = g_object_ref (app);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  g_signal_connect (chooser, "response", G_CALLBACK (restore_chosen_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
