/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-rules"

#include "config.h"

#include <string.h>

#include "ls-rules.h"

/* How urgent the law makes what it still asks: which requirements the
 * overview shows under "needs attention now", and in which order.  The
 * urgency itself is given by ls_rules_check() with each requirement. */

/**
 * ls_rules_needs_attention:
 * @requirement: a requirement ls_rules_check() found
 *
 * Which requirements the overview lists under "needs attention now",
 * across all cases: what the law asks at once, as soon as possible or
 * without delay, by a date, or of the individual.  The rest wait in the
 * case until its manager opens it.
 *
 * Returns: whether @requirement needs attention now
 */
gboolean
ls_rules_needs_attention (LsRequirement *requirement)
{
  g_return_val_if_fail (LS_IS_REQUIREMENT (requirement), FALSE);

  return ls_rules_urgency_needs_attention (
      ls_requirement_get_urgency (requirement));
}

/**
 * ls_rules_urgency_needs_attention:
 *
 * Returns: whether a requirement as urgent as @urgency needs attention
 *   now, see ls_rules_needs_attention()
 */
gboolean
ls_rules_urgency_needs_attention (LsLegalUrgency urgency)
{
  return urgency != LS_LEGAL_URGENCY_IN_TIME;
}

/**
 * ls_rules_compare_urgency:
 *
 * Orders requirements by what the law makes most urgent: what is asked at
 * once, then as soon as possible, without delay, by a date, soon; within
 * each, the earliest day first and those without one last.
 *
 * Returns: less than, equal to or greater than zero as @a is more, as,
 *   or less urgent than @b
 */
int
ls_rules_compare_urgency (LsRequirement *a, LsRequirement *b)
{
  const char *due_a;
  const char *due_b;

  g_return_val_if_fail (LS_IS_REQUIREMENT (a), 0);
  g_return_val_if_fail (LS_IS_REQUIREMENT (b), 0);

  if (ls_requirement_get_urgency (a) != ls_requirement_get_urgency (b))
    return (int) ls_requirement_get_urgency (a) -
           (int) ls_requirement_get_urgency (b);
  due_a = ls_requirement_get_due (a);
  due_b = ls_requirement_get_due (b);
  if (due_a == NULL || due_b == NULL)
    return (due_a == NULL) - (due_b == NULL);
  return strcmp (due_a, due_b);
}
