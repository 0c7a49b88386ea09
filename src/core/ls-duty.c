/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-duty"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-dates.h"
#include "ls-duty.h"

/*
 * One dated duty of a case, kept after the fact: when it was due, when
 * it was done and by how many days late, so that a case closed late still
 * says so, and statistics can count it.  An immutable value made by
 * ls_rules_list_duties().
 */
struct _LsDuty
{
  GObject parent_instance;

  LsDutyKind kind;
  char *what;
  char *reference;
  char *due_on;
  char *done_on;
  gboolean done;
  int days_late;
};

G_DEFINE_FINAL_TYPE (LsDuty, ls_duty, G_TYPE_OBJECT)

static void
ls_duty_finalize (GObject *object)
{
  LsDuty *self = LS_DUTY (object);

  g_clear_pointer (&self->what, g_free);
  g_clear_pointer (&self->reference, g_free);
  g_clear_pointer (&self->due_on, g_free);
  g_clear_pointer (&self->done_on, g_free);

  G_OBJECT_CLASS (ls_duty_parent_class)->finalize (object);
}

static void
ls_duty_class_init (LsDutyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ls_duty_finalize;
}

static void
ls_duty_init (LsDuty *self)
{
}

/* Days from @from to @to, 0 when either is not a day. */
static int
days_between (const char *from, const char *to)
{
  GDate a;
  GDate b;

  if (!ls_dates_get_day (from, &a) || !ls_dates_get_day (to, &b))
    return 0;
  return g_date_days_between (&a, &b);
}

/**
 * ls_duty_new:
 * @what: (nullable): what is due, such as an action's description
 * @due_on: the last day
 * @done_on: (nullable): the day it was done, when known
 * @done: whether it is done (a follow-up may be done without its day)
 * @today: the present day, to count the days an open duty is overdue
 *
 * Returns: (transfer full): the duty
 */
LsDuty *
ls_duty_new (LsDutyKind kind,
             const char *what,
             const char *reference,
             const char *due_on,
             const char *done_on,
             gboolean done,
             const char *today)
{
  LsDuty *self = g_object_new (LS_TYPE_DUTY, NULL);
  GDate day;

  self->kind = kind;
  self->what = g_strdup (what);
  self->reference = g_strdup (reference);
  if (ls_dates_get_day (due_on, &day))
    self->due_on = ls_dates_format_day (&day);
  if (ls_dates_get_day (done_on, &day))
    self->done_on = ls_dates_format_day (&day);
  self->done = done || self->done_on != NULL;
  if (self->done_on != NULL)
    self->days_late = MAX (0, days_between (self->due_on, self->done_on));
  else if (!self->done)
    self->days_late = MAX (0, days_between (self->due_on, today));
  return self;
}

LsDutyKind
ls_duty_get_kind (LsDuty *self)
{
  g_return_val_if_fail (LS_IS_DUTY (self), 0);
  return self->kind;
}

const char *
ls_duty_get_what (LsDuty *self)
{
  g_return_val_if_fail (LS_IS_DUTY (self), NULL);
  return self->what;
}

const char *
ls_duty_get_reference (LsDuty *self)
{
  g_return_val_if_fail (LS_IS_DUTY (self), NULL);
  return self->reference;
}

const char *
ls_duty_get_due_on (LsDuty *self)
{
  g_return_val_if_fail (LS_IS_DUTY (self), NULL);
  return self->due_on;
}

/**
 * ls_duty_get_done_on:
 *
 * Returns: (nullable): the day it was done, %NULL while it is open or when
 *   the day was not recorded
 */
const char *
ls_duty_get_done_on (LsDuty *self)
{
  g_return_val_if_fail (LS_IS_DUTY (self), NULL);
  return self->done_on;
}

gboolean
ls_duty_get_done (LsDuty *self)
{
  g_return_val_if_fail (LS_IS_DUTY (self), FALSE);
  return self->done;
}

/**
 * ls_duty_get_days_late:
 *
 * Returns: the days after the due day it was done, or, while open, the
 *   days it is overdue; 0 when on time
 */
int
ls_duty_get_days_late (LsDuty *self)
{
  g_return_val_if_fail (LS_IS_DUTY (self), 0);
  return self->days_late;
}

static const char *
kind_name (LsDutyKind kind)
{
  switch (kind)
    {
    case LS_DUTY_INVESTIGATION_SENT:
      return _ ("The finished investigation to IVO");
    case LS_DUTY_PREVENTIVE_ACTION:
      return _ ("Preventive action");
    case LS_DUTY_FOLLOW_UP:
      return _ ("Follow-up of the effect");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * ls_duty_dup_summary:
 *
 * Returns: (transfer full): one line for the case view and its history,
 *   such as "The finished investigation to IVO: due 2027-02-28, sent
 *   2027-03-01, 1 day late"
 */
char *
ls_duty_dup_summary (LsDuty *self)
{
  GString *out;

  g_return_val_if_fail (LS_IS_DUTY (self), NULL);

  out = g_string_new (kind_name (self->kind));
  if (self->what != NULL)
    g_string_append_printf (out, " “%s”", self->what);
  /* Translators: %s is a day such as 2027-02-28 */
  g_string_append_printf (out, _ (": due %s"), self->due_on);
  if (self->done_on != NULL && self->kind == LS_DUTY_INVESTIGATION_SENT)
    /* Translators: %s is a day such as 2027-03-01 */
    g_string_append_printf (out, _ (", sent %s"), self->done_on);
  else if (self->done_on != NULL)
    /* Translators: %s is a day such as 2027-03-01 */
    g_string_append_printf (out, _ (", done %s"), self->done_on);
  else if (self->done)
    g_string_append (out, _ (", done"));
  if (self->days_late > 0)
    g_string_append_printf (
        out,
        self->done
            ? ngettext (", %d day late", ", %d days late", self->days_late)
            : ngettext (", %d day overdue", ", %d days overdue",
                        self->days_late),
        self->days_late);
  else if (self->done)
    g_string_append (out, _ (", on time"));
  return g_string_free (out, FALSE);
}
