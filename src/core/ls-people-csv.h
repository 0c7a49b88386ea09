/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ls-organisation.h"
#include "ls-people-register.h"

G_BEGIN_DECLS

/**
 * LsPeopleCsvCounts:
 * @added: people new to the register
 * @changed: people whose name, category, units or dates changed
 * @ended: people missing from the file, given an end date
 * @unchanged: people the file has as the register already had them
 *
 * What an import of a staff list did.
 */
typedef struct
{
  guint added;
  guint changed;
  guint ended;
  guint unchanged;
} LsPeopleCsvCounts;

/* clang-format off */
gboolean ls_people_csv_import (LsPeopleRegister  *register_,
                               LsOrganisation    *organisation,
                               const char        *data,
                               gssize             length,
                               const char        *today,
                               LsPeopleCsvCounts *counts,
                               GError           **error);
/* clang-format on */

G_END_DECLS
