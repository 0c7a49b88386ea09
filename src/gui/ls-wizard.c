/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-a11y.h"
#include "ls-error.h"
#include "ls-item-list.h"
#include "ls-model.h"
#include "ls-row-error.h"
#include "ls-rows.h"
#include "ls-rules.h"
#include "ls-wizard-lock.h"
#include "ls-wizard-private.h"
#include "ls-wizard.h"
#include "ls-wizards.h"

/* What every wizard does alike, written once: the pages of its kind from
 * the step table, the header with the step's title and progress, Back and
 * Next and their keys, loading the stored case, saving it through the
 * case saver at every step, and what closing, finishing and handing the
 * case to another wizard wait for.  Its life is one state.
 *
 * A wizard works on its own copy of the case, shown at once, and takes
 * the stored case when it comes: the copy it was given may be older than
 * the store, whose journal may not shrink. */

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LsWizard, ls_wizard, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_CASE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define PRIV(self) ((LsWizardPrivate *) ls_wizard_get_instance_private (self))

LsWizardPrivate *
ls_wizard_get_priv (LsWizard *self)
{
  return ls_wizard_get_instance_private (self);
}

/* ---- Pages ------------------------------------------------------------ */

int
ls_wizard_index_of_page (LsWizard *self, LsWizardPage *page)
{
  LsWizardPrivate *priv = PRIV (self);

  for (guint i = 0; i < priv->pages->len; i++)
    if (g_ptr_array_index (priv->pages, i) == page)
      return i;
  return -1;
}

/* The nearest page from @from in @direction that is part of the flow. */
LsWizardPage *
ls_wizard_step_from (LsWizard *self, LsWizardPage *from, int direction)
{
  LsWizardPrivate *priv = PRIV (self);

  for (int i = ls_wizard_index_of_page (self, from) + direction;
       i >= 0 && i < (int) priv->pages->len; i += direction)
    {
      LsWizardPage *page = g_ptr_array_index (priv->pages, i);

      if (ls_wizard_page_is_available (page, priv->lcase))
        return page;
    }
  return NULL;
}

static void
update_title (LsWizard *self)
{
  LsWizardClass *klass = LS_WIZARD_GET_CLASS (self);
  g_autofree char *title = NULL;

  if (klass->dup_title != NULL)
    title = klass->dup_title (self);
  if (title != NULL)
    gtk_window_set_title (GTK_WINDOW (self), title);
  ls_wizard_update_header (self);
}

/* Puts the keyboard focus on the first control of the page in view,
 * unless the stack moved it into the page already. */
static void
focus_page (LsWizard *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (PRIV (self)->stack);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (page != NULL && (focus == NULL || !gtk_widget_is_ancestor (focus, page)))
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

static void
show_page (LsWizard *self, LsWizardPage *page)
{
  gtk_stack_set_visible_child (PRIV (self)->stack, GTK_WIDGET (page));
  focus_page (self);
  ls_wizard_page_shown (page);
  ls_wizard_update_header (self);
}

/* ---- State ------------------------------------------------------------ */

static void
set_state (LsWizard *self, LsWizardState state)
{
  LsWizardPrivate *priv = PRIV (self);
  gboolean loading = state == LS_WIZARD_STATE_LOADING;

  if (priv->state == state)
    return;
  priv->state = state;
  gtk_widget_set_sensitive (GTK_WIDGET (priv->stack), !loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next", !loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static gboolean
is_leaving (LsWizard *self)
{
  LsWizardState state = PRIV (self)->state;

  return state == LS_WIZARD_STATE_CLOSING ||
         state == LS_WIZARD_STATE_FINISHING ||
         state == LS_WIZARD_STATE_HANDING_OVER;
}

/* Does what the state waited for, now that the store has everything. */
static void
leave (LsWizard *self)
{
  LsWizardPrivate *priv = PRIV (self);
  LsWizardState state = priv->state;

  set_state (self, LS_WIZARD_STATE_DONE);
  if (state == LS_WIZARD_STATE_FINISHING &&
      LS_WIZARD_GET_CLASS (self)->finished != NULL)
    {
      LS_WIZARD_GET_CLASS (self)->finished (self);
    }
  else if (state == LS_WIZARD_STATE_HANDING_OVER)
    {
      ls_wizard_replace (self, priv->handover_step, priv->handover_point);
    }
  else
    {
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* Leaves now if the store has everything, or once it has. */
static void
leave_when_saved (LsWizard *self, LsWizardState state)
{
  set_state (self, state);
  if (!ls_case_saver_get_busy (PRIV (self)->saver))
    leave (self);
}

static void
close_anyway_cb (AdwMessageDialog *dialog, const char *response, LsWizard *self)
{
  if (g_strcmp0 (response, "close") != 0)
    return;
  /* What is good of the step is being saved; close when it is. */
  leave_when_saved (self, LS_WIZARD_STATE_CLOSING);
}

/* ---- Saving ------------------------------------------------------------ */

static void
saved_cb (LsWizard *self)
{
  update_title (self);
  if (is_leaving (self) && !ls_case_saver_get_busy (PRIV (self)->saver))
    leave (self);
}

/* What a failed save does: said in a toast while editing; when leaving,
 * the wizard stays and asks whether to close without it. */
static void
report_failure (LsWizard *self, const GError *error)
{
  LsWizardPrivate *priv = PRIV (self);
  LsWizardClass *klass = LS_WIZARD_GET_CLASS (self);
  g_autofree char *text = ls_wizards_dup_save_error (error);
  LsWizardState state = priv->state;

  if (klass->save_failed != NULL && klass->save_failed (self, error))
    {
      set_state (self, LS_WIZARD_STATE_EDITING);
      return;
    }
  if (!is_leaving (self))
    {
      ls_wizard_show_toast (self, text);
      return;
    }

  set_state (self, LS_WIZARD_STATE_EDITING);
  if (state == LS_WIZARD_STATE_FINISHING && klass->finish_failed != NULL)
    klass->finish_failed (self);
  g_signal_connect_object (
      ls_wizards_ask_close (GTK_WINDOW (self),
                            klass->cannot_save != NULL
                                ? _ (klass->cannot_save)
                                : _ ("The Case Could Not Be Saved"),
                            text, _ ("_Close Without Saving")),
      "response", G_CALLBACK (close_anyway_cb), self, 0);
}

/* The reason goes with this save and every later one; without one the
 * change is not saved, as any failed save. */
static void
why_response_cb (AdwMessageDialog *dialog, const char *response, LsWizard *self)
{
  LsWizardPrivate *priv = PRIV (self);
  g_autofree char *why = ls_wizards_dup_why (dialog);
  const GError *error = g_object_get_data (G_OBJECT (dialog), "ls-error");

  priv->why_dialog = NULL;
  if (g_strcmp0 (response, "save") == 0 && why != NULL)
    {
      ls_case_saver_set_why (priv->saver, why);
      if (ls_wizard_save (self) || !is_leaving (self))
        return;
    }
  report_failure (self, error);
}

static void
failed_cb (LsWizard *self, GError *error)
{
  LsWizardPrivate *priv = PRIV (self);

  /* A concluded or notified case: ask why once, then save again. */
  if (g_error_matches (error, LS_ERROR, LS_ERROR_REASON_REQUIRED))
    {
      if (priv->why_dialog != NULL)
        return;
      priv->why_dialog = ls_wizards_ask_why (GTK_WINDOW (self),
                                             ls_case_get_regno (priv->lcase));
      g_object_set_data_full (G_OBJECT (priv->why_dialog), "ls-error",
                              g_error_copy (error),
                              (GDestroyNotify) g_error_free);
      g_signal_connect_object (priv->why_dialog, "response",
                               G_CALLBACK (why_response_cb), self, 0);
      return;
    }
  report_failure (self, error);
}

static void
saver_busy_cb (LsWizard *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* ---- Loading ---------------------------------------------------------- */

static void
take_case (LsWizard *self, LsCase *lcase, gboolean stored)
{
  LsWizardPrivate *priv = PRIV (self);

  g_set_object (&priv->lcase, lcase);
  ls_case_saver_set_case (priv->saver, lcase, stored);
  /* The pages load without the lock, so that what a page makes
   * insensitive for reasons of its own is not given back later. */
  for (guint i = 0; i < priv->pages->len; i++)
    {
      ls_wizard_lock_controls (g_ptr_array_index (priv->pages, i), FALSE);
      ls_wizard_page_load (g_ptr_array_index (priv->pages, i), lcase);
    }
  priv->read_only = FALSE;
  ls_wizard_update_lock (self);
  if (LS_WIZARD_GET_CLASS (self)->case_taken != NULL)
    LS_WIZARD_GET_CLASS (self)->case_taken (self);
  update_title (self);
}

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LsWizard *self = user_data;
  LsWizardPrivate *priv;
  g_autoptr (GError) error = NULL;
  g_autoptr (LsCase) lcase = NULL;

  lcase = ls_store_load_case_finish (LS_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  priv = PRIV (self);
  if (lcase != NULL)
    take_case (self, lcase, TRUE);
  else if (!g_error_matches (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_FOUND))
    ls_wizard_show_toast (self, error->message);
  set_state (self, LS_WIZARD_STATE_EDITING);
  if (priv->pending_step >= 0)
    ls_wizard_show_step (self, priv->pending_step, priv->pending_point);
}

/* ---- Actions ---------------------------------------------------------- */

static void
next_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  ls_wizard_go_next (LS_WIZARD (widget));
}

static void
back_activated (GtkWidget *widget, const char *action_name, GVariant *param)
{
  ls_wizard_go_back (LS_WIZARD (widget));
}

static void
show_reopen_activated (GtkWidget *widget,
                       const char *action_name,
                       GVariant *param)
{
  ls_wizard_show_step (LS_WIZARD (widget), LS_STEP_CONCLUSION, LS_POINT_NONE);
}

static void
visible_page_changed_cb (LsWizard *self)
{
  ls_wizard_update_header (self);
}

static void
size_changed_cb (LsWizard *self)
{
  ls_wizard_update_header (self);
}

/* ---- The window ------------------------------------------------------- */

static gboolean
ls_wizard_close_request (GtkWindow *window)
{
  LsWizard *self = LS_WIZARD (window);
  LsWizardPrivate *priv = PRIV (self);
  gboolean good;

  if (priv->state == LS_WIZARD_STATE_DONE ||
      priv->state == LS_WIZARD_STATE_LOADING)
    return GTK_WINDOW_CLASS (ls_wizard_parent_class)->close_request (window);
  if (is_leaving (self))
    return TRUE;
  if (priv->read_only)
    {
      set_state (self, LS_WIZARD_STATE_DONE);
      return GTK_WINDOW_CLASS (ls_wizard_parent_class)->close_request (window);
    }

  /* Closing mid-way keeps everything that is good, the step in view too;
   * the window goes once the store has it. */
  good = ls_wizard_commit_page (self, ls_wizard_get_page (self),
                                LS_WIZARD_COMMIT_LENIENT);
  ls_wizard_save (self);
  if (!good)
    {
      g_signal_connect_object (
          ls_wizards_ask_close_without_step (GTK_WINDOW (self)), "response",
          G_CALLBACK (close_anyway_cb), self, 0);
      return TRUE;
    }
  if (ls_case_saver_get_busy (priv->saver))
    {
      set_state (self, LS_WIZARD_STATE_CLOSING);
      return TRUE;
    }
  set_state (self, LS_WIZARD_STATE_DONE);
  return GTK_WINDOW_CLASS (ls_wizard_parent_class)->close_request (window);
}

static void
ls_wizard_constructed (GObject *object)
{
  LsWizard *self = LS_WIZARD (object);
  LsWizardPrivate *priv = PRIV (self);
  LsWizardClass *klass = LS_WIZARD_GET_CLASS (self);
  g_autofree char *author = NULL;
  const LsStepPage *rows;
  guint n_rows;

  G_OBJECT_CLASS (ls_wizard_parent_class)->constructed (object);

  g_assert (priv->context != NULL);
  author = ls_context_dup_author (priv->context);
  priv->saver =
      ls_case_saver_new (ls_context_get_store (priv->context),
                         ls_context_get_organisation (priv->context), author);
  g_signal_connect_object (priv->saver, "notify::busy",
                           G_CALLBACK (saver_busy_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->saver, "saved", G_CALLBACK (saved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (priv->saver, "failed", G_CALLBACK (failed_cb), self,
                           G_CONNECT_SWAPPED);

  rows = ls_step_table_get (&n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      LsWizardPage *page;

      if (rows[i].wizard != klass->kind)
        continue;
      page = ls_wizard_page_new (&rows[i], self);
      gtk_stack_add_titled (priv->stack, GTK_WIDGET (page), rows[i].name,
                            _ (rows[i].title));
      g_ptr_array_add (priv->pages, page);
      ls_a11y_name_once (GTK_WIDGET (page));
      ls_rows_wrap_headings (GTK_WIDGET (page));
    }
  g_assert (priv->pages->len > 0);

  if (priv->lcase == NULL)
    {
      g_autoptr (LsCase) lcase =
          klass->new_case != NULL ? klass->new_case (self) : ls_case_new ();

      /* An untouched new case counts as saved, so that closing it
       * leaves no empty draft behind. */
      take_case (self, lcase, TRUE);
      set_state (self, LS_WIZARD_STATE_EDITING);
    }
  else
    {
      g_autoptr (LsCase) copy = ls_case_new ();

      ls_model_copy (G_OBJECT (copy), G_OBJECT (priv->lcase));
      take_case (self, copy, FALSE);
      set_state (self, LS_WIZARD_STATE_LOADING);
      ls_store_load_case_async (ls_context_get_store (priv->context),
                                ls_case_get_uuid (copy), priv->cancellable,
                                loaded_cb, self);
    }
  show_page (self, g_ptr_array_index (priv->pages, 0));
}

static void
ls_wizard_dispose (GObject *object)
{
  LsWizard *self = LS_WIZARD (object);
  LsWizardPrivate *priv = PRIV (self);

  g_cancellable_cancel (priv->cancellable);
  if (priv->saver != NULL)
    {
      ls_case_saver_cancel (priv->saver);
      g_signal_handlers_disconnect_by_data (priv->saver, self);
    }
  g_clear_pointer (&priv->pages, g_ptr_array_unref);
  /* Not gtk_widget_dispose_template (): GTK 4.8 looks the template up on
   * the instance's own class, and a wizard's subclass has none.  The
   * window takes its children with it. */
  g_clear_object (&priv->cancellable);
  g_clear_object (&priv->saver);
  g_clear_object (&priv->lcase);
  g_clear_object (&priv->context);

  G_OBJECT_CLASS (ls_wizard_parent_class)->dispose (object);
}

static void
ls_wizard_get_property (GObject *object,
                        guint prop_id,
                        GValue *value,
                        GParamSpec *pspec)
{
  LsWizard *self = LS_WIZARD (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, PRIV (self)->context);
      break;
    case PROP_CASE:
      g_value_set_object (value, PRIV (self)->lcase);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, ls_wizard_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_wizard_set_property (GObject *object,
                        guint prop_id,
                        const GValue *value,
                        GParamSpec *pspec)
{
  LsWizard *self = LS_WIZARD (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      PRIV (self)->context = g_value_dup_object (value);
      break;
    case PROP_CASE:
      PRIV (self)->lcase = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_wizard_class_init (LsWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ls_wizard_constructed;
  object_class->dispose = ls_wizard_dispose;
  object_class->get_property = ls_wizard_get_property;
  object_class->set_property = ls_wizard_set_property;
  window_class->close_request = ls_wizard_close_request;

  properties[PROP_CONTEXT] = g_param_spec_object (
      "context", "Context", "The store, the organisation and the user",
      LS_TYPE_CONTEXT,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CASE] = g_param_spec_object (
      "case", "Case", "The case; NULL when constructing starts a new one",
      LS_TYPE_CASE,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] = g_param_spec_boolean (
      "busy", "Busy", "Whether the case is being loaded or saved", FALSE,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/ls-wizard.ui");
  gtk_widget_class_bind_template_child_private (widget_class, LsWizard,
                                                title_label);
  gtk_widget_class_bind_template_child_private (widget_class, LsWizard,
                                                subtitle_label);
  gtk_widget_class_bind_template_child_private (widget_class, LsWizard,
                                                back_button);
  gtk_widget_class_bind_template_child_private (widget_class, LsWizard,
                                                next_button);
  gtk_widget_class_bind_template_child_private (widget_class, LsWizard,
                                                progress_bar);
  gtk_widget_class_bind_template_child_private (widget_class, LsWizard,
                                                toast_overlay);
  gtk_widget_class_bind_template_child_private (widget_class, LsWizard, stack);
  gtk_widget_class_bind_template_child_private (widget_class, LsWizard,
                                                content_box);
  gtk_widget_class_bind_template_child_private (widget_class, LsWizard,
                                                read_only_bar);
  gtk_widget_class_bind_template_child_private (widget_class, LsWizard,
                                                read_only_label);
  gtk_widget_class_bind_template_child_private (widget_class, LsWizard,
                                                reopen_button);
  gtk_widget_class_bind_template_callback (widget_class,
                                           visible_page_changed_cb);

  gtk_widget_class_install_action (widget_class, "wizard.next", NULL,
                                   next_activated);
  gtk_widget_class_install_action (widget_class, "wizard.back", NULL,
                                   back_activated);
  gtk_widget_class_install_action (widget_class, "wizard.show-reopen", NULL,
                                   show_reopen_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0,
                                       "window.close", NULL);
}

/* The keys between the steps, taken before the focused control sees
 * them: a list takes Ctrl+Page Up and Down for itself otherwise, and the
 * user would be held on a step for being in its list. */
static void
add_step_keys (LsWizard *self)
{
  static const struct
  {
    guint keyval;
    GdkModifierType modifiers;
    const char *action;
  } keys[] = {
    { GDK_KEY_Right, GDK_ALT_MASK, "wizard.next" },
    { GDK_KEY_Left, GDK_ALT_MASK, "wizard.back" },
    { GDK_KEY_Page_Down, GDK_CONTROL_MASK, "wizard.next" },
    { GDK_KEY_Page_Up, GDK_CONTROL_MASK, "wizard.back" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_event_controller_set_static_name (controller, "ls-wizard-step-keys");
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (
        GTK_SHORTCUT_CONTROLLER (controller),
        gtk_shortcut_new (
            gtk_keyval_trigger_new (keys[i].keyval, keys[i].modifiers),
            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
ls_wizard_init (LsWizard *self)
{
  LsWizardPrivate *priv = PRIV (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  priv->cancellable = g_cancellable_new ();
  priv->pages = g_ptr_array_new ();
  priv->pending_step = -1;
  priv->state = LS_WIZARD_STATE_EDITING;
  add_step_keys (self);
  ls_rows_activate_on_enter (GTK_WINDOW (self));
  ls_a11y_name_once (GTK_WIDGET (self));
  g_signal_connect (self, "notify::default-width", G_CALLBACK (size_changed_cb),
                    NULL);
}

/* ---- Public API ------------------------------------------------------- */

/**
 * ls_wizard_get_context:
 *
 * Returns: (transfer none): the store, organisation and user it works in
 */
LsContext *
ls_wizard_get_context (LsWizard *self)
{
  g_return_val_if_fail (LS_IS_WIZARD (self), NULL);

  return PRIV (self)->context;
}

/**
 * ls_wizard_get_case:
 *
 * Returns: (transfer none): the case as the wizard holds it
 */
LsCase *
ls_wizard_get_case (LsWizard *self)
{
  g_return_val_if_fail (LS_IS_WIZARD (self), NULL);

  return PRIV (self)->lcase;
}

/**
 * ls_wizard_get_saver:
 *
 * Returns: (transfer none): what saves the case, for its "saved" signal
 */
LsCaseSaver *
ls_wizard_get_saver (LsWizard *self)
{
  g_return_val_if_fail (LS_IS_WIZARD (self), NULL);

  return PRIV (self)->saver;
}

LsWizardState
ls_wizard_get_state (LsWizard *self)
{
  g_return_val_if_fail (LS_IS_WIZARD (self), LS_WIZARD_STATE_DONE);

  return PRIV (self)->state;
}

/**
 * ls_wizard_get_busy:
 *
 * Returns: whether the case is being loaded or saved
 */
gboolean
ls_wizard_get_busy (LsWizard *self)
{
  LsWizardPrivate *priv;

  g_return_val_if_fail (LS_IS_WIZARD (self), FALSE);

  priv = PRIV (self);
  return priv->state == LS_WIZARD_STATE_LOADING ||
         (priv->saver != NULL && ls_case_saver_get_busy (priv->saver));
}

guint
ls_wizard_get_n_pages (LsWizard *self)
{
  g_return_val_if_fail (LS_IS_WIZARD (self), 0);

  return PRIV (self)->pages->len;
}

/**
 * ls_wizard_get_nth_page:
 *
 * Returns: (transfer none): the page at @index, in the order shown
 */
LsWizardPage *
ls_wizard_get_nth_page (LsWizard *self, guint index)
{
  g_return_val_if_fail (LS_IS_WIZARD (self), NULL);
  g_return_val_if_fail (index < PRIV (self)->pages->len, NULL);

  return g_ptr_array_index (PRIV (self)->pages, index);
}

/**
 * ls_wizard_find_page:
 *
 * Returns: (transfer none) (nullable): the page named @name
 */
LsWizardPage *
ls_wizard_find_page (LsWizard *self, const char *name)
{
  LsWizardPrivate *priv;

  g_return_val_if_fail (LS_IS_WIZARD (self), NULL);

  priv = PRIV (self);
  for (guint i = 0; i < priv->pages->len; i++)
    if (g_strcmp0 (ls_wizard_page_get_name (g_ptr_array_index (priv->pages, i)),
                   name) == 0)
      return g_ptr_array_index (priv->pages, i);
  return NULL;
}

/**
 * ls_wizard_get_page:
 *
 * Returns: (transfer none) (nullable): the page in view
 */
LsWizardPage *
ls_wizard_get_page (LsWizard *self)
{
  GtkWidget *child;

  g_return_val_if_fail (LS_IS_WIZARD (self), NULL);

  child = gtk_stack_get_visible_child (PRIV (self)->stack);
  return child != NULL ? LS_WIZARD_PAGE (child) : NULL;
}

const char *
ls_wizard_get_page_name (LsWizard *self)
{
  LsWizardPage *page;

  g_return_val_if_fail (LS_IS_WIZARD (self), NULL);

  page = ls_wizard_get_page (self);
  return page != NULL ? ls_wizard_page_get_name (page) : NULL;
}

/**
 * ls_wizard_set_page_name:
 *
 * Goes to the page @name.  The step in view is kept in the case as far as
 * it is good, and its rows stay as typed where not.
 */
void
ls_wizard_set_page_name (LsWizard *self, const char *name)
{
  LsWizardPage *page;
  LsWizardPage *current;

  g_return_if_fail (LS_IS_WIZARD (self));

  page = ls_wizard_find_page (self, name);
  g_return_if_fail (page != NULL);

  current = ls_wizard_get_page (self);
  if (PRIV (self)->state == LS_WIZARD_STATE_EDITING && current != page)
    {
      ls_wizard_commit_page (self, current, LS_WIZARD_COMMIT_LENIENT);
      ls_wizard_save (self);
    }
  show_page (self, page);
}

/**
 * ls_wizard_show_step:
 * @step: a step of the law
 * @point: for %LS_STEP_JOURNAL, the point of 5 kap. 2 § to show
 *
 * Shows the first page of @step that is not complete, or its first page.
 * A step another wizard owns hands the case over to it, once this
 * window's work is saved.  Asked while the case loads, it is done once it
 * is there.
 */
void
ls_wizard_show_step (LsWizard *self, LsStep step, LsPoints point)
{
  LsWizardPrivate *priv;
  LsWizardPage *first = NULL;
  LsWizardPage *target = NULL;

  g_return_if_fail (LS_IS_WIZARD (self));

  priv = PRIV (self);
  if (priv->state == LS_WIZARD_STATE_LOADING)
    {
      priv->pending_step = step;
      priv->pending_point = point;
      return;
    }
  priv->pending_step = -1;

  if (ls_step_table_wizard_of (step, priv->lcase) !=
      LS_WIZARD_GET_CLASS (self)->kind)
    {
      ls_wizard_hand_over (self, step, point);
      return;
    }

  for (guint i = 0; i < priv->pages->len && target == NULL; i++)
    {
      LsWizardPage *page = g_ptr_array_index (priv->pages, i);
      const LsStepPage *row = ls_wizard_page_get_row (page);

      if (!(row->steps & LS_STEP_BIT (step)) ||
          (point != LS_POINT_NONE && row->points != LS_POINT_NONE &&
           !(row->points & point)) ||
          !ls_wizard_page_is_available (page, priv->lcase))
        continue;
      if (first == NULL)
        first = page;
      if (!ls_wizard_page_is_complete (page, priv->lcase))
        target = page;
    }
  if (target == NULL)
    target = first != NULL ? first : g_ptr_array_index (priv->pages, 0);
  ls_wizard_set_page_name (self, ls_wizard_page_get_name (target));
}

/**
 * ls_wizard_go_next:
 *
 * What Next does: checks the step in view and marks what is wrong; when
 * it is good, saves and shows the next step, or on the last one finishes.
 *
 * Returns: %TRUE if the wizard moved on or is finishing
 */
gboolean
ls_wizard_go_next (LsWizard *self)
{
  LsWizardPage *page;
  LsWizardPage *next;

  g_return_val_if_fail (LS_IS_WIZARD (self), FALSE);

  if (PRIV (self)->state != LS_WIZARD_STATE_EDITING)
    return FALSE;
  page = ls_wizard_get_page (self);
  next = ls_wizard_step_from (self, page, 1);
  if (next == NULL)
    return ls_wizard_finish (self);
  if (PRIV (self)->read_only)
    {
      show_page (self, next);
      return TRUE;
    }
  if (!ls_wizard_commit_page (self, page, LS_WIZARD_COMMIT_STRICT))
    return FALSE;
  ls_wizard_save (self);
  show_page (self, next);
  return TRUE;
}

/**
 * ls_wizard_go_back:
 *
 * What Back does: keeps the step in view as far as it is good, and shows
 * the one before.  A step with a mistake does not hold the user back.
 */
void
ls_wizard_go_back (LsWizard *self)
{
  LsWizardPage *previous;

  g_return_if_fail (LS_IS_WIZARD (self));

  if (PRIV (self)->state != LS_WIZARD_STATE_EDITING)
    return;
  previous = ls_wizard_step_from (self, ls_wizard_get_page (self), -1);
  if (previous != NULL)
    ls_wizard_set_page_name (self, ls_wizard_page_get_name (previous));
}

/**
 * ls_wizard_finish:
 *
 * What Next does on the last page: every page in the flow must be good;
 * the first that is not is shown with its rows marked.  Then the case is
 * saved, and once it is, the wizard's @finished runs.
 *
 * Returns: whether the wizard is finishing
 */
gboolean
ls_wizard_finish (LsWizard *self)
{
  LsWizardPrivate *priv;

  g_return_val_if_fail (LS_IS_WIZARD (self), FALSE);

  priv = PRIV (self);
  if (priv->state != LS_WIZARD_STATE_EDITING)
    return FALSE;
  if (priv->read_only)
    {
      gtk_window_close (GTK_WINDOW (self));
      return TRUE;
    }
  for (guint i = 0; i < priv->pages->len; i++)
    {
      LsWizardPage *page = g_ptr_array_index (priv->pages, i);

      if (!ls_wizard_page_is_available (page, priv->lcase) ||
          ls_wizard_commit_page (self, page, LS_WIZARD_COMMIT_STRICT))
        continue;
      if (page != ls_wizard_get_page (self))
        {
          show_page (self, page);
          /* Marks the rows again, now that their step is in view. */
          ls_wizard_commit_page (self, page, LS_WIZARD_COMMIT_STRICT);
        }
      return FALSE;
    }
  if (!ls_wizard_save (self))
    return FALSE;
  leave_when_saved (self, LS_WIZARD_STATE_FINISHING);
  return TRUE;
}

/**
 * ls_wizard_hand_over:
 *
 * Closes this wizard once its work is in the store, and opens the wizard
 * that owns @step for the case.
 */
void
ls_wizard_hand_over (LsWizard *self, LsStep step, LsPoints point)
{
  LsWizardPrivate *priv;

  g_return_if_fail (LS_IS_WIZARD (self));

  priv = PRIV (self);
  if (priv->state != LS_WIZARD_STATE_EDITING)
    return;
  ls_wizard_commit_page (self, ls_wizard_get_page (self),
                         LS_WIZARD_COMMIT_LENIENT);
  if (!ls_wizard_save (self))
    return;
  priv->handover_step = step;
  priv->handover_point = point;
  leave_when_saved (self, LS_WIZARD_STATE_HANDING_OVER);
}

void
ls_wizard_show_toast (LsWizard *self, const char *text)
{
  g_return_if_fail (LS_IS_WIZARD (self));
  g_return_if_fail (text != NULL);

  adw_toast_overlay_add_toast (PRIV (self)->toast_overlay,
                               adw_toast_new (text));
}

/**
 * ls_wizard_add_top_bar:
 * @bar: a bar, such as a #GtkInfoBar, to show between the header and the
 *   pages
 */
void
ls_wizard_add_top_bar (LsWizard *self, GtkWidget *bar)
{
  LsWizardPrivate *priv;

  g_return_if_fail (LS_IS_WIZARD (self));
  g_return_if_fail (GTK_IS_WIDGET (bar));

  priv = PRIV (self);
  gtk_box_insert_child_after (priv->content_box, bar,
                              GTK_WIDGET (priv->progress_bar));
}

/**
 * ls_wizard_replace:
 *
 * Closes this wizard at once and opens the one that owns @step for the
 * case.  Two windows on one case would overwrite each other: this one
 * goes before the other opens.  Call it once the store has everything.
 */
void
ls_wizard_replace (LsWizard *self, LsStep step, LsPoints point)
{
  LsWizardPrivate *priv;
  g_autoptr (LsContext) context = NULL;
  g_autoptr (LsCase) lcase = NULL;
  GtkWindow *parent;

  g_return_if_fail (LS_IS_WIZARD (self));

  priv = PRIV (self);
  context = g_object_ref (priv->context);
  lcase = g_object_ref (priv->lcase);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  set_state (self, LS_WIZARD_STATE_DONE);
  gtk_window_destroy (GTK_WINDOW (self));
  ls_wizards_open (parent, context, lcase, step, point);
}

/**
 * ls_wizard_focus_next:
 *
 * Puts the focus on Next, for a page that is read and then finished.
 */
void
ls_wizard_focus_next (LsWizard *self)
{
  g_return_if_fail (LS_IS_WIZARD (self));

  gtk_widget_grab_focus (GTK_WIDGET (PRIV (self)->next_button));
}

/**
 * ls_wizard_update_lock:
 *
 * Makes the steps read-only, with a banner saying why, when the case has
 * gone past what this wizard may change (a concluded investigation, a
 * closed case), or editable again once it is reopened.
 */
void
ls_wizard_update_lock (LsWizard *self)
{
  LsWizardPrivate *priv;
  const char *reason;
  gboolean reopenable = FALSE;

  g_return_if_fail (LS_IS_WIZARD (self));

  priv = PRIV (self);
  if (priv->lcase == NULL)
    return;
  reason = ls_wizard_lock_reason (LS_WIZARD_GET_CLASS (self)->kind, priv->lcase,
                                  &reopenable);
  priv->read_only = reason != NULL;
  for (guint i = 0; i < priv->pages->len; i++)
    ls_wizard_lock_controls (g_ptr_array_index (priv->pages, i),
                             priv->read_only);
  gtk_label_set_text (priv->read_only_label, reason != NULL ? reason : "");
  gtk_widget_set_visible (priv->reopen_button, reopenable);
  gtk_info_bar_set_revealed (priv->read_only_bar, priv->read_only);
  ls_wizard_update_header (self);
}

/**
 * ls_wizard_get_read_only:
 *
 * Returns: whether the case can only be read in this wizard
 */
gboolean
ls_wizard_get_read_only (LsWizard *self)
{
  g_return_val_if_fail (LS_IS_WIZARD (self), FALSE);

  return PRIV (self)->read_only;
}
