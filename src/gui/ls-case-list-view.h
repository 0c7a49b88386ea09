/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ls-case-list.h"

G_BEGIN_DECLS

void ls_case_list_view_apply_in_next_frame (GtkWidget *view, LsCaseList *cases);

G_END_DECLS
