/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ls-organisation.h"
#include "ls-statistics.h"
#include "ls-store.h"

G_BEGIN_DECLS

/**
 * LsDigestCause:
 * @category: the cause category's id
 * @description: (nullable): what was found, pseudonymised
 */
typedef struct
{
  char *category;
  char *description;
} LsDigestCause;

/**
 * LsDigestAction:
 * @description: (nullable): the preventive action, pseudonymised
 * @effect: (nullable): its effect for the individual, pseudonymised
 * @evaluated: whether its effect was followed up
 * @outcome: whether it helped
 * @individual_asked: whether the individual or next of kin was asked
 */
typedef struct
{
  char *description;
  char *effect;
  gboolean evaluated;
  LsEffectOutcome outcome;
  gboolean individual_asked;
} LsDigestAction;

/**
 * LsDigestEntry:
 * @unit: (nullable): the unit's name, which may be shared
 * @kind: wrongdoing or clear risk
 * @category: (nullable): the category's id
 * @concluded_on: the day the investigation was concluded
 * @what_happened: (nullable): what happened, in one sentence
 * @causes: (element-type LsDigestCause): the causes
 * @lessons: (nullable): the lessons learned
 * @actions: (element-type LsDigestAction): the preventive actions
 *
 * What one concluded case teaches, without anyone's name or number.
 */
typedef struct
{
  char *unit;
  LsCaseKind kind;
  char *category;
  char *concluded_on;
  char *what_happened;
  GPtrArray *causes;
  char *lessons;
  GPtrArray *actions;
} LsDigestEntry;

/**
 * LsDigestGroup:
 * @category: the id of the cause category, "" for cases without a cause
 * @name: its name in the language of the app
 * @name_sv: its name in Swedish
 * @entries: (element-type LsDigestEntry): the cases whose first cause is
 *   of this category
 */
typedef struct
{
  char *category;
  char *name;
  char *name_sv;
  GPtrArray *entries;
} LsDigestGroup;

#define LS_TYPE_DIGEST (ls_digest_get_type ())

G_DECLARE_FINAL_TYPE (LsDigest, ls_digest, LS, DIGEST, GObject)

/* clang-format off */
LsDigest                *ls_digest_new_from_cases   (const LsStatisticsQuery *query,
                                                     GPtrArray               *cases,
                                                     LsOrganisation          *organisation);
LsDigest                *ls_digest_new_from_store   (LsStore                 *store,
                                                     const LsStatisticsQuery *query,
                                                     GError                 **error);
void                     ls_digest_new_from_store_async (LsStore             *store,
                                                     const LsStatisticsQuery *query,
                                                     GCancellable            *cancellable,
                                                     GAsyncReadyCallback      callback,
                                                     gpointer                 user_data);
LsDigest                *ls_digest_new_from_store_finish (LsStore            *store,
                                                     GAsyncResult            *result,
                                                     GError                 **error);
const LsStatisticsQuery *ls_digest_get_query        (LsDigest                *self);
const char              *ls_digest_get_organisation_name (LsDigest           *self);
guint                    ls_digest_get_n_entries    (LsDigest                *self);
GPtrArray               *ls_digest_get_groups       (LsDigest                *self);
char                    *ls_digest_dup_text         (LsDigest                *self);
char                    *ls_digest_dup_first_sentence (const char            *text);
/* clang-format on */

G_END_DECLS
