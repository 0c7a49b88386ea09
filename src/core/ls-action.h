/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ls-enums.h"

G_BEGIN_DECLS

#define LS_TYPE_ACTION (ls_action_get_type ())

G_DECLARE_FINAL_TYPE (LsAction, ls_action, LS, ACTION, GObject)

/* clang-format off */
LsAction      *ls_action_new                  (void);
LsActionKind   ls_action_get_kind             (LsAction *self);
void           ls_action_set_kind             (LsAction     *self,
                                               LsActionKind  kind);
const char    *ls_action_get_description      (LsAction *self);
void           ls_action_set_description      (LsAction   *self,
                                               const char *description);
const char    *ls_action_get_responsible      (LsAction *self);
void           ls_action_set_responsible      (LsAction   *self,
                                               const char *responsible);
const char    *ls_action_get_taken_at         (LsAction *self);
void           ls_action_set_taken_at         (LsAction   *self,
                                               const char *taken_at);
const char    *ls_action_get_due_on           (LsAction *self);
void           ls_action_set_due_on           (LsAction   *self,
                                               const char *due_on);
LsActionStatus ls_action_get_status           (LsAction *self);
void           ls_action_set_status           (LsAction       *self,
                                               LsActionStatus  status);
const char    *ls_action_get_follow_up_on     (LsAction *self);
void           ls_action_set_follow_up_on     (LsAction   *self,
                                               const char *follow_up_on);
const char    *ls_action_get_effect           (LsAction *self);
void           ls_action_set_effect           (LsAction   *self,
                                               const char *effect);
gboolean       ls_action_get_individual_asked (LsAction *self);
void           ls_action_set_individual_asked (LsAction *self,
                                               gboolean  individual_asked);
const char *ls_action_get_followed_up_on (LsAction *self);
void ls_action_set_followed_up_on (LsAction *self, const char *followed_up_on);
const char    *ls_action_get_evaluated_on     (LsAction *self);
void           ls_action_set_evaluated_on     (LsAction   *self,
                                               const char *evaluated_on);
LsEffectOutcome ls_action_get_outcome         (LsAction *self);
void           ls_action_set_outcome          (LsAction        *self,
                                               LsEffectOutcome  outcome);
gboolean       ls_action_is_evaluated         (LsAction *self);
/* clang-format on */

G_END_DECLS
