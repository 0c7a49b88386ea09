/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-investigation-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-investigation-wizard.h"
#include "ls-rules.h"
#include "ls-wizards.h"

/* The investigation, step by step as 5 kap. SOSFS 2011:5 lays it out: who
 * investigates, the seven points every investigation must show, each with
 * what the report already says and the items documented on it, then the
 * actions, what else emerged, telling the individual, what the
 * organisation learns, and the conclusion; the pages are the step
 * table's.  The conclusion can be recorded only when nothing the law asks
 * is missing.  Everything is saved at every step; documented items are
 * only ever added.  Once a serious conclusion is recorded, the wizard
 * proposes the notification to IVO. */

struct _LsInvestigationWizard
{
  LsWizard parent_instance;
};

G_DEFINE_FINAL_TYPE (LsInvestigationWizard,
                     ls_investigation_wizard,
                     LS_TYPE_WIZARD)

static void
notify_response_cb (AdwMessageDialog *dialog, const char *response)
{
  if (g_strcmp0 (response, "notify") != 0)
    return;
  ls_wizards_open (gtk_window_get_transient_for (GTK_WINDOW (dialog)),
                   g_object_get_data (G_OBJECT (dialog), "ls-context"),
                   g_object_get_data (G_OBJECT (dialog), "ls-case"),
                   LS_STEP_NOTIFICATION, LS_POINT_NONE);
}

/* A serious conclusion calls for the notification, as soon as possible. */
static void
propose_notification (GtkWindow *parent, LsContext *context, LsCase *lcase)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      parent, _ ("Notify IVO"),
      _ ("The conclusion is that it is serious. Notify IVO as soon as "
         "possible, on IVO’s form (6 kap. 1–2 §§ SOSFS 2011:5). Tell the "
         "individual that IVO has been notified.")));

  adw_message_dialog_add_responses (dialog, "later", _ ("_Later"), "notify",
                                    _ ("_Notify IVO…"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "notify",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "notify");
  adw_message_dialog_set_close_response (dialog, "later");
  g_object_set_data_full (G_OBJECT (dialog), "ls-context",
                          g_object_ref (context), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "ls-case", g_object_ref (lcase),
                          g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (notify_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
ls_investigation_wizard_dup_title (LsWizard *wizard)
{
  const char *regno = ls_case_get_regno (ls_wizard_get_case (wizard));

  if (regno == NULL)
    return g_strdup (_ ("Investigation"));
  /* Translators: the window title; %s is a registration number. */
  return g_strdup_printf (_ ("Investigation %s"), regno);
}

/* The conclusion is recorded and in the store: the window goes, and the
 * notification is proposed when the rules call for it. */
static void
ls_investigation_wizard_finished (LsWizard *wizard)
{
  g_autoptr (LsContext) context = g_object_ref (ls_wizard_get_context (wizard));
  g_autoptr (LsCase) lcase = g_object_ref (ls_wizard_get_case (wizard));
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (wizard));

  gtk_window_destroy (GTK_WINDOW (wizard));
  if (ls_rules_proposes_notification (lcase))
    propose_notification (parent, context, lcase);
}

/* Not recorded after all: the decision waits for the next try. */
static void
ls_investigation_wizard_finish_failed (LsWizard *wizard)
{
  LsInvestigation *inv =
      ls_case_get_investigation (ls_wizard_get_case (wizard));

  ls_investigation_set_concluded_on (inv, NULL);
  ls_investigation_set_seriousness (inv, LS_SERIOUSNESS_UNDECIDED);
}

static void
ls_investigation_wizard_class_init (LsInvestigationWizardClass *klass)
{
  LsWizardClass *wizard_class = LS_WIZARD_CLASS (klass);

  wizard_class->kind = LS_WIZARD_INVESTIGATION;
  wizard_class->cannot_save = N_ ("The Investigation Could Not Be Saved");
  wizard_class->dup_title = ls_investigation_wizard_dup_title;
  wizard_class->finished = ls_investigation_wizard_finished;
  wizard_class->finish_failed = ls_investigation_wizard_finish_failed;
}

static void
ls_investigation_wizard_init (LsInvestigationWizard *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _ ("Investigation"));
  gtk_window_set_default_size (GTK_WINDOW (self), 720, 760);
}

/**
 * ls_investigation_wizard_new:
 * @parent: (nullable): the window it belongs to
 * @context: the store, the organisation and the user, who documents items
 * @lcase: the case to investigate, which the store holds
 *
 * Returns: (transfer full): a new investigation wizard on its first step
 */
LsInvestigationWizard *
ls_investigation_wizard_new (GtkWindow *parent,
                             LsContext *context,
                             LsCase *lcase)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LS_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (LS_IS_CASE (lcase), NULL);

  return g_object_new (LS_TYPE_INVESTIGATION_WIZARD, "transient-for", parent,
                       "context", context, "case", lcase, NULL);
}
