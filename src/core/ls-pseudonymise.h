/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ls-case.h"
#include "ls-organisation.h"

G_BEGIN_DECLS

/**
 * LsPseudonymRole:
 * @LS_PSEUDONYM_INDIVIDUAL: the individual concerned, "[den enskilde]"
 * @LS_PSEUDONYM_STAFF: a reporter, member of staff, investigator or
 *   manager, "[medarbetare]"
 * @LS_PSEUDONYM_PERSONAL_NUMBER: a personal identity number
 * @LS_PSEUDONYM_PHONE: a phone number
 * @LS_PSEUDONYM_ADDRESS: a street or postal address
 * @LS_PSEUDONYM_EMAIL: an e-mail address
 * @LS_PSEUDONYM_REGNO: a registration number
 *
 * What a replaced piece of text was; the replacement names the role,
 * in Swedish, as the digest is.
 */
typedef enum
{
  LS_PSEUDONYM_INDIVIDUAL,
  LS_PSEUDONYM_STAFF,
  LS_PSEUDONYM_PERSONAL_NUMBER,
  LS_PSEUDONYM_PHONE,
  LS_PSEUDONYM_ADDRESS,
  LS_PSEUDONYM_EMAIL,
  LS_PSEUDONYM_REGNO,
  LS_PSEUDONYM_N_ROLES
} LsPseudonymRole;

#define LS_TYPE_PSEUDONYMISER (ls_pseudonymiser_get_type ())

G_DECLARE_FINAL_TYPE (
    LsPseudonymiser, ls_pseudonymiser, LS, PSEUDONYMISER, GObject)

/* clang-format off */
LsPseudonymiser *ls_pseudonymiser_new          (void);
void             ls_pseudonymiser_add          (LsPseudonymiser *self,
                                                const char      *value,
                                                LsPseudonymRole  role);
void             ls_pseudonymiser_add_object   (LsPseudonymiser *self,
                                                GObject         *object);
char            *ls_pseudonymiser_apply        (LsPseudonymiser *self,
                                                const char      *text);
const char      *ls_pseudonymiser_role_text    (LsPseudonymRole  role);
/* clang-format on */

G_END_DECLS
