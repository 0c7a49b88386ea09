/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "ls-row-error.h"
#include "ls-test-utils.h"
#include "ls-text-field.h"
#include "ls-wizard-test.h"

/* Helpers for driving the wizards as a user would: rows found by their
 * titles, buttons by their labels, and waiting for the saves that run off
 * the main loop. */

char *
ls_wz_make_temp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("lexsarah-wizard-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
ls_wz_remove_temp_dir (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static gboolean
is_idle (gpointer data)
{
  gboolean busy = FALSE;

  g_object_get (data, "busy", &busy, NULL);
  return !busy;
}

/* Until the wizard has loaded or saved what it was doing. */
void
ls_wz_wait_idle (GtkWidget *wizard)
{
  ls_test_wait_until_for (LS_WZ_TIMEOUT, is_idle, wizard);
  ls_test_drain_events ();
}

/* A destroyed window has left the list of toplevels, even while a test
 * still holds it. */
static gboolean
is_gone (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (window == data)
        return FALSE;
    }
  return TRUE;
}

void
ls_wz_wait_destroyed (GtkWidget *window)
{
  ls_test_wait_until_for (LS_WZ_TIMEOUT, is_gone, window);
  ls_test_drain_events ();
}

GtkWidget *
ls_wz_find_message_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (window) &&
          g_strcmp0 (
              adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)),
              heading) == 0)
        return window;
    }
  return NULL;
}

/* As pressing Enter on the row: it runs its action, toggles its check
 * button, or emits "activated". */
void
ls_wz_activate_row (GtkWidget *root, const char *title)
{
  GtkWidget *row = ls_test_find_row (root, title);

  if (row == NULL)
    g_error ("No row titled “%s”", title);
  g_assert_true (gtk_widget_is_sensitive (row));
  gtk_widget_activate (row);
}

void
ls_wz_select (GtkWidget *root, const char *title, guint position)
{
  GtkWidget *row = ls_test_find_row (root, title);

  if (row == NULL)
    g_error ("No row titled “%s”", title);
  g_assert_true (ADW_IS_COMBO_ROW (row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
}

GtkWidget *
ls_wz_find_text_field (GtkWidget *root, const char *title)
{
  for (guint i = 0;; i++)
    {
      GtkWidget *field = ls_test_find_by_type (root, LS_TYPE_TEXT_FIELD, i);
      g_autofree char *plain = NULL;

      if (field == NULL)
        return NULL;
      plain = ls_test_strip_mnemonic (
          ls_text_field_get_title (LS_TEXT_FIELD (field)));
      if (g_strcmp0 (plain, title) == 0)
        return field;
    }
}

void
ls_wz_set_text_field (GtkWidget *root, const char *title, const char *text)
{
  GtkWidget *field = ls_wz_find_text_field (root, title);

  if (field == NULL)
    g_error ("No text titled “%s”", title);
  ls_text_field_set_text (LS_TEXT_FIELD (field), text);
}

/* Marked, with @message shown where the user sees it: under the row in
 * its list, or under a text field. */
void
ls_wz_assert_error (GtkWidget *row, const char *message)
{
  GtkWidget *shown_in;

  g_assert_nonnull (row);
  if (!ls_row_has_error (row))
    g_error ("The row is not marked; expected “%s”", message);
  g_assert_cmpstr (ls_row_get_error (row), ==, message);
  shown_in = GTK_IS_LIST_BOX_ROW (row) ? gtk_widget_get_parent (row) : row;
  if (ls_test_find_label (shown_in, message) == NULL)
    g_error ("“%s” is not shown", message);
}

void
ls_wz_assert_row_error (GtkWidget *root, const char *title, const char *message)
{
  GtkWidget *row = ls_test_find_row (root, title);

  if (row == NULL)
    row = ls_wz_find_text_field (root, title);
  if (row == NULL)
    g_error ("No row titled “%s”", title);
  ls_wz_assert_error (row, message);
}

static gboolean
has_prefix (GtkWidget *widget, const char *prefix)
{
  if (!gtk_widget_get_visible (widget))
    return FALSE;
  if (GTK_IS_LABEL (widget))
    {
      g_autofree char *plain =
          ls_test_dup_plain (gtk_label_get_text (GTK_LABEL (widget)));

      if (g_str_has_prefix (plain, prefix))
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_prefix (child, prefix))
      return TRUE;
  return FALSE;
}

gboolean
ls_wz_has_text_prefix (GtkWidget *root, const char *prefix)
{
  return has_prefix (root, prefix);
}

/* The case as the store holds it, to tell whether anything changed. */
char *
ls_wz_dup_stored_json (LsStore *store, const char *uuid)
{
  g_autoptr (LsCase) lcase = NULL;
  g_autoptr (JsonObject) object = NULL;
  g_autoptr (JsonNode) node = NULL;

  if (uuid == NULL)
    return NULL;
  lcase = ls_store_load_case (store, uuid, NULL);
  if (lcase == NULL)
    return NULL;
  object = ls_case_to_json (lcase);
  node = json_node_init_object (json_node_alloc (), object);
  return json_to_string (node, FALSE);
}

static void
collect_mnemonics (GtkWidget *widget, GHashTable *seen)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget) && gtk_label_get_use_underline (GTK_LABEL (widget)))
    {
      guint keyval = gdk_keyval_to_lower (
          gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)));
      const char *text = gtk_label_get_text (GTK_LABEL (widget));
      const char *other;

      if (keyval == GDK_KEY_VoidSymbol)
        return;
      other = g_hash_table_lookup (seen, GUINT_TO_POINTER (keyval));
      /* The same control repeated, one per item, may share its key. */
      if (other != NULL && g_strcmp0 (other, text) != 0)
        g_error ("“%s” and “%s” share the mnemonic %s", other, text,
                 gdk_keyval_name (keyval));
      g_hash_table_insert (seen, GUINT_TO_POINTER (keyval), (gpointer) text);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_mnemonics (child, seen);
}

/* Every mnemonic of @page, and of the header above it, leads to one
 * control only. */
void
ls_wz_assert_mnemonics_unique (GtkWidget *window, GtkWidget *page)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  GtkWidget *header = ls_test_find_by_type (window, ADW_TYPE_HEADER_BAR, 0);

  collect_mnemonics (header, seen);
  collect_mnemonics (page, seen);
}

static gboolean
asks_why (gpointer data)
{
  return ls_wz_find_message_dialog ("Why Is the Case Changed?") != NULL;
}

static gboolean
no_longer_asks_why (gpointer data)
{
  return !asks_why (data);
}

/* Answers the dialog that asks why a concluded or notified case is
 * changed, as a user would: Save waits while the reason is empty, Enter
 * on it then says what is missing, and the typed reason saves. */
void
ls_wz_give_reason (const char *why)
{
  static const char missing[] = "Say why the case is changed.";
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  ls_test_wait_until_for (LS_WZ_TIMEOUT, asks_why, NULL);
  dialog = ADW_MESSAGE_DIALOG (
      ls_wz_find_message_dialog ("Why Is the Case Changed?"));
  entry = ls_test_find_by_type (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, 0);
  g_assert_nonnull (entry);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_false (ls_test_widget_has_text (GTK_WIDGET (dialog), missing));

  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (ls_test_widget_has_text (GTK_WIDGET (dialog), missing));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_nonnull (ls_wz_find_message_dialog ("Why Is the Case Changed?"));

  gtk_editable_set_text (GTK_EDITABLE (entry), why);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  g_assert_false (ls_test_widget_has_text (GTK_WIDGET (dialog), missing));
  g_signal_emit_by_name (entry, "activate");
  ls_test_wait_until_for (LS_WZ_TIMEOUT, no_longer_asks_why, NULL);
}

/**
 * ls_wz_dup_history_why:
 * @suffix: how the changed field's path ends, such as "reporter_name"
 *
 * Returns: (transfer full) (nullable): why the field last changed, as the
 *   stored history says
 */
char *
ls_wz_dup_history_why (LsStore *store, const char *uuid, const char *suffix)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) history = ls_store_list_history (store, uuid, &error);

  g_assert_no_error (error);
  for (guint i = history->len; i > 0; i--)
    {
      LsHistoryEntry *entry = history->pdata[i - 1];

      if (g_str_has_suffix (entry->field, suffix))
        {
          g_assert_nonnull (entry->who);
          g_assert_nonnull (entry->when);
          return g_strdup (entry->why);
        }
    }
  return NULL;
}
