/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ls-people-documents.h"
#include "ls-wizard-page.h"

G_BEGIN_DECLS

typedef void (*LsPeopleFileChosen) (GObject *owner, GFile *file);

/* clang-format off */
void ls_people_choose_file (GtkWindow           *parent,
                            GObject             *owner,
                            const char          *title,
                            GtkFileChooserAction action,
                            const char          *accept,
                            const char          *name,
                            LsPeopleFileChosen   chosen);
void ls_people_attach_routines (LsWizardPage     *page,
                                GtkCheckButton   *check);
/* clang-format on */

G_END_DECLS
