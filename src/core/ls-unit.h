/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ls-enums.h"

G_BEGIN_DECLS

#define LS_TYPE_UNIT (ls_unit_get_type ())

G_DECLARE_FINAL_TYPE (LsUnit, ls_unit, LS, UNIT, GObject)

/* clang-format off */
LsUnit     *ls_unit_new                (void);
const char *ls_unit_get_id             (LsUnit *self);
void        ls_unit_set_id             (LsUnit     *self,
                                        const char *id);
const char *ls_unit_get_name           (LsUnit *self);
void        ls_unit_set_name           (LsUnit     *self,
                                        const char *name);
const char *ls_unit_get_activity       (LsUnit *self);
void        ls_unit_set_activity       (LsUnit     *self,
                                        const char *activity);
LsRegime    ls_unit_get_regime         (LsUnit *self);
void        ls_unit_set_regime         (LsUnit   *self,
                                        LsRegime  regime);
const char *ls_unit_get_street_address (LsUnit *self);
void        ls_unit_set_street_address (LsUnit     *self,
                                        const char *street_address);
const char *ls_unit_get_postcode       (LsUnit *self);
void        ls_unit_set_postcode       (LsUnit     *self,
                                        const char *postcode);
const char *ls_unit_get_town           (LsUnit *self);
void        ls_unit_set_town           (LsUnit     *self,
                                        const char *town);
const char *ls_unit_get_phone          (LsUnit *self);
void        ls_unit_set_phone          (LsUnit     *self,
                                        const char *phone);
/* clang-format on */

G_END_DECLS
