/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-people-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-dates.h"
#include "ls-people-documents.h"
#include "ls-people-files.h"
#include "ls-people-window.h"
#include "ls-print-operation.h"
#include "ls-routines-editor.h"
#include "ls-staff-view.h"

/*
 * The people who must report and the routines, in a window of their own
 * opened from the main menu: the staff view and the routines editor, and
 * the printed material.  The register is loaded from the store and saved
 * to it, off the main loop, whenever a view changes it.
 */
struct _LsPeopleWindow
{
  AdwWindow parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwViewStack *stack;
  AdwBin *staff_bin;
  AdwBin *routines_bin;

  LsStore *store;
  LsOrganisation *organisation;
  LsPeopleRegister *register_;
  GCancellable *cancellable;
  LsPeopleDocument chooser_document;
  char *today;
  guint busy;
};

G_DEFINE_FINAL_TYPE (LsPeopleWindow, ls_people_window, ADW_TYPE_WINDOW)

static void
toast (LsPeopleWindow *self, const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LsPeopleWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  self->busy--;
  if (!ls_store_save_people_finish (LS_STORE (source), result, &error))
    toast (self, error->message);
}

static void
save (LsPeopleWindow *self)
{
  self->busy++;
  ls_store_save_people_async (self->store, self->register_, NULL, saved_cb,
                              g_object_ref (self));
}

static void
staff_changed_cb (LsPeopleWindow *self)
{
  save (self);
}

static void
routines_decided_cb (LsPeopleWindow *self, LsRoutines *routines)
{
  save (self);
  toast (self, _ ("The new version of the routines is decided and saved"));
}

static void
show_register (LsPeopleWindow *self)
{
  GtkWidget *staff =
      ls_staff_view_new (self->register_, self->organisation, self->today);
  GtkWidget *routines =
      ls_routines_editor_new (self->register_, self->organisation);

  g_signal_connect_object (staff, "changed", G_CALLBACK (staff_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (routines, "decided",
                           G_CALLBACK (routines_decided_cb), self,
                           G_CONNECT_SWAPPED);
  adw_bin_set_child (self->staff_bin, staff);
  adw_bin_set_child (self->routines_bin, routines);

  /* In a shared database only an administrator changes who is who, as the
   * server enforces; the others read, scroll, select and print. */
  if (!ls_store_may (self->store, LS_STORE_RIGHT_ADMINISTER))
    {
      const char *why = ls_store_rights_explain (LS_STORE_RIGHT_ADMINISTER);

      ls_staff_view_set_read_only (LS_STAFF_VIEW (staff), why);
      ls_routines_editor_set_read_only (LS_ROUTINES_EDITOR (routines), why);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.import", FALSE);
    }
}

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LsPeopleWindow *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (LsPeopleRegister) register_ =
      ls_store_load_people_finish (LS_STORE (source), result, &error);

  if (register_ == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          self->busy--;
          toast (self, error->message);
        }
      return;
    }
  self->busy--;
  g_set_object (&self->register_, register_);
  show_register (self);
}

static void
load (LsPeopleWindow *self)
{
  self->busy++;
  ls_store_load_people_async (self->store, self->cancellable, loaded_cb, self);
}

static LsPeopleDocument
document_of (GVariant *param)
{
  return g_strcmp0 (g_variant_get_string (param, NULL), "routines") == 0
             ? LS_PEOPLE_DOCUMENT_ROUTINES
             : LS_PEOPLE_DOCUMENT_STAFF_INFORMATION;
}

static LsRoutines *
routines_in_force (LsPeopleWindow *self)
{
  if (self->register_ == NULL)
    return NULL;
  return ls_people_register_get_routines_in_force (self->register_,
                                                   self->today);
}

static void
printed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LsPeopleWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (ls_print_operation_print_finish (LS_PRINT_OPERATION (source), result,
                                       &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    toast (self, error->message);
}

static void
print_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  LsPeopleWindow *self = LS_PEOPLE_WINDOW (widget);
  g_autoptr (LsFormDocument) doc = ls_people_documents_build (
      document_of (param), routines_in_force (self), self->organisation);
  g_autoptr (LsPrintOperation) operation = ls_print_operation_new (doc);

  ls_print_operation_print_async (operation, GTK_WINDOW (self),
                                  self->cancellable, printed_cb,
                                  g_object_ref (self));
}

static void
pdf_saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LsPeopleWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!ls_people_documents_write_pdf_finish (result, &error))
    toast (self, error->message);
  else
    toast (self, _ ("Saved as PDF"));
}

static void
pdf_chosen_cb (GObject *owner, GFile *file)
{
  LsPeopleWindow *self = LS_PEOPLE_WINDOW (owner);

  ls_people_documents_write_pdf_async (
      self->chooser_document, routines_in_force (self), self->organisation,
      file, NULL, pdf_saved_cb, g_object_ref (self));
}

static void
save_pdf_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  LsPeopleWindow *self = LS_PEOPLE_WINDOW (widget);

  self->chooser_document = document_of (param);
  ls_people_choose_file (GTK_WINDOW (self), G_OBJECT (self),
                         self->chooser_document == LS_PEOPLE_DOCUMENT_ROUTINES
                             ? _ ("Save the Routines as PDF")
                             : _ ("Save the Staff Information as PDF"),
                         GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"),
                         self->chooser_document == LS_PEOPLE_DOCUMENT_ROUTINES
                             ? "Rutiner enligt lex Sarah.pdf"
                             : "Information om lex Sarah.pdf",
                         pdf_chosen_cb);
}

static void
imported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LsPeopleWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  LsPeopleCsvCounts counts;
  g_autofree char *message = NULL;

  self->busy--;
  if (!ls_store_import_people_finish (LS_STORE (source), result, &counts,
                                      &error))
    {
      toast (self, error->message);
      return;
    }
  /* Translators: what an import of a staff list did */
  message = g_strdup_printf (_ ("Staff list imported: %u added, %u changed, "
                                "%u ended"),
                             counts.added, counts.changed, counts.ended);
  toast (self, message);
  load (self);
}

static void
import_chosen_cb (GObject *owner, GFile *file)
{
  LsPeopleWindow *self = LS_PEOPLE_WINDOW (owner);

  self->busy++;
  ls_store_import_people_async (self->store, file, self->today,
                                self->cancellable, imported_cb,
                                g_object_ref (self));
}

static void
import_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  ls_people_choose_file (GTK_WINDOW (widget), G_OBJECT (widget),
                         _ ("Import Staff List"), GTK_FILE_CHOOSER_ACTION_OPEN,
                         _ ("_Import"), NULL, import_chosen_cb);
}

static void
ls_people_window_dispose (GObject *object)
{
  LsPeopleWindow *self = LS_PEOPLE_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->organisation);
  g_clear_object (&self->register_);
  g_clear_pointer (&self->today, g_free);

  G_OBJECT_CLASS (ls_people_window_parent_class)->dispose (object);
}

static void
ls_people_window_class_init (LsPeopleWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ls_people_window_dispose;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/people/ls-people-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LsPeopleWindow,
                                        toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LsPeopleWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LsPeopleWindow,
                                        staff_bin);
  gtk_widget_class_bind_template_child (widget_class, LsPeopleWindow,
                                        routines_bin);
  gtk_widget_class_install_action (widget_class, "people.print", "s", print_cb);
  gtk_widget_class_install_action (widget_class, "people.save-pdf", "s",
                                   save_pdf_cb);
  gtk_widget_class_install_action (widget_class, "people.import", NULL,
                                   import_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w,
                                       GDK_CONTROL_MASK, "window.close", NULL);
}

static void
ls_people_window_init (LsPeopleWindow *self)
{
  self->cancellable = g_cancellable_new ();
  self->today = ls_dates_dup_today (NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ls_people_window_new:
 *
 * Returns: (transfer full): the window, loading the register
 */
GtkWidget *
ls_people_window_new (GtkWindow *parent,
                      LsStore *store,
                      LsOrganisation *organisation)
{
  LsPeopleWindow *self;

  g_return_val_if_fail (LS_IS_STORE (store), NULL);
  g_return_val_if_fail (LS_IS_ORGANISATION (organisation), NULL);

  self = g_object_new (LS_TYPE_PEOPLE_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->organisation = g_object_ref (organisation);
  load (self);
  return GTK_WIDGET (self);
}

/**
 * ls_people_window_get_register:
 *
 * Returns: (transfer none) (nullable): the register, once loaded
 */
LsPeopleRegister *
ls_people_window_get_register (LsPeopleWindow *self)
{
  g_return_val_if_fail (LS_IS_PEOPLE_WINDOW (self), NULL);

  return self->register_;
}

/**
 * ls_people_window_get_view:
 * @name: "staff" or "routines"
 *
 * Shows the page @name and returns its view.
 *
 * Returns: (transfer none) (nullable): the #LsStaffView or
 *   #LsRoutinesEditor, once the register is loaded
 */
GtkWidget *
ls_people_window_get_view (LsPeopleWindow *self, const char *name)
{
  g_return_val_if_fail (LS_IS_PEOPLE_WINDOW (self), NULL);

  adw_view_stack_set_visible_child_name (self->stack, name);
  if (g_strcmp0 (name, "routines") == 0)
    return adw_bin_get_child (self->routines_bin);
  return LS_IS_STAFF_VIEW (adw_bin_get_child (self->staff_bin))
             ? adw_bin_get_child (self->staff_bin)
             : NULL;
}

/**
 * ls_people_window_get_busy:
 *
 * Returns: whether a load, save or import is under way
 */
gboolean
ls_people_window_get_busy (LsPeopleWindow *self)
{
  g_return_val_if_fail (LS_IS_PEOPLE_WINDOW (self), FALSE);

  return self->busy > 0;
}
