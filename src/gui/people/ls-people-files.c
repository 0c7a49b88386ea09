/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-people-files"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-dates.h"
#include "ls-people-files.h"
#include "ls-wizard.h"

/* Choosing a file for the register's documents and imports, one way for
 * every window that offers it.  The native chooser goes through the
 * desktop's portal, so that it works inside the Flatpak sandbox. */

typedef struct
{
  GWeakRef owner;
  LsPeopleFileChosen chosen;
} Choice;

static void
choice_free (Choice *choice)
{
  g_weak_ref_clear (&choice->owner);
  g_free (choice);
}

static void
response_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  Choice *choice = user_data;
  g_autoptr (GObject) owner = g_weak_ref_get (&choice->owner);
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && owner != NULL)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    choice->chosen (owner, file);
  choice_free (choice);
  g_object_unref (dialog);
}

/**
 * ls_people_choose_file:
 * @owner: what @chosen is for; nothing is called once it is gone
 * @name: (nullable): the name proposed when saving
 * @chosen: called with the file, if one is chosen
 *
 * Asks for a file to save to or to open.
 */
void
ls_people_choose_file (GtkWindow *parent,
                       GObject *owner,
                       const char *title,
                       GtkFileChooserAction action,
                       const char *accept,
                       const char *name,
                       LsPeopleFileChosen chosen)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (
      title, parent, action, accept, _ ("_Cancel"));
  Choice *choice = g_new0 (Choice, 1);

  g_weak_ref_init (&choice->owner, owner);
  choice->chosen = chosen;
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- The routines as an attachment of the notification ---------------- */

#define ATTACH_KEY "ls-people-attach"

typedef struct
{
  LsRoutines *routines;
  GtkCheckButton *check; /* the page's own child */
} Attach;

static void
attach_free (Attach *attach)
{
  g_clear_object (&attach->routines);
  g_free (attach);
}

static void
toast (LsWizardPage *page, const char *message)
{
  ls_wizard_show_toast (ls_wizard_page_get_wizard (page), message);
}

static void
attached_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LsWizardPage) page = user_data;
  Attach *attach = g_object_get_data (G_OBJECT (page), ATTACH_KEY);
  g_autoptr (GError) error = NULL;

  if (!ls_people_documents_write_pdf_finish (result, &error))
    {
      toast (page, error->message);
      return;
    }
  if (attach != NULL)
    gtk_check_button_set_active (attach->check, TRUE);
  ls_wizard_page_request_save (page);
  toast (page, _ ("The routines are saved as PDF, to go with the form as "
                  "“Gällande rutiner i verksamheten”"));
}

static void
attach_chosen_cb (GObject *owner, GFile *file)
{
  LsWizardPage *page = LS_WIZARD_PAGE (owner);
  Attach *attach = g_object_get_data (owner, ATTACH_KEY);

  if (attach == NULL)
    return;
  ls_people_documents_write_pdf_async (
      LS_PEOPLE_DOCUMENT_ROUTINES, attach->routines,
      ls_wizard_page_get_organisation (page), file, NULL, attached_cb,
      g_object_ref (page));
}

static void
register_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LsWizardPage) page = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (LsPeopleRegister) register_ =
      ls_store_load_people_finish (LS_STORE (source), result, &error);
  g_autofree char *today = ls_dates_dup_today (NULL);
  Attach *attach = g_object_get_data (G_OBJECT (page), ATTACH_KEY);
  LsRoutines *routines;

  if (register_ == NULL || attach == NULL)
    {
      if (error != NULL)
        toast (page, error->message);
      return;
    }
  routines = ls_people_register_get_routines_in_force (register_, today);
  if (routines == NULL)
    {
      toast (page, _ ("No routines have been decided yet: decide them under "
                      "Staff and Routines first."));
      return;
    }
  g_set_object (&attach->routines, routines);
  ls_people_choose_file (
      GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (page))), G_OBJECT (page),
      _ ("Save the Routines as PDF"), GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"),
      "Gällande rutiner i verksamheten.pdf", attach_chosen_cb);
}

/**
 * ls_people_attach_routines:
 * @page: a page of the notification wizard
 * @check: its check box "routines in force"
 *
 * Saves the routines in force as PDF, to go with the notification, and
 * ticks @check, which ticks "Gällande rutiner i verksamheten" on the form.
 */
void
ls_people_attach_routines (LsWizardPage *page, GtkCheckButton *check)
{
  Attach *attach = g_new0 (Attach, 1);
  LsContext *context;

  g_return_if_fail (LS_IS_WIZARD_PAGE (page));
  g_return_if_fail (GTK_IS_CHECK_BUTTON (check));

  context = ls_wizard_page_get_context (page);
  if (context == NULL)
    return;
  attach->check = check;
  g_object_set_data_full (G_OBJECT (page), ATTACH_KEY, attach,
                          (GDestroyNotify) attach_free);
  ls_store_load_people_async (ls_context_get_store (context), NULL,
                              register_loaded_cb, g_object_ref (page));
}
