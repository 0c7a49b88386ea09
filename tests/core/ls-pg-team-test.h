/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A database of its own on the test server for a team's tests, and the
 * login roles of its people, dropped together at the end. */
typedef struct
{
  char *name;     /* the database's */
  char *location; /* as its owner */
  GPtrArray *roles;
} LsPgTeam;

/* clang-format off */
void        ls_pg_team_init            (LsPgTeam    *team);
void        ls_pg_team_clear           (LsPgTeam    *team);
const char *ls_pg_team_name_role       (LsPgTeam    *team,
                                        const char  *who);
void        ls_pg_team_share_example   (LsPgTeam    *team);
void        ls_pg_team_init_shared     (LsPgTeam    *team);
void        ls_pg_team_add_person      (LsPgTeam    *team,
                                        const char  *role,
                                        const char  *group,
                                        const char  *name,
                                        const char  *title,
                                        const char  *unit,
                                        const char  *case_uuid);
char       *ls_pg_team_dup_location_as (LsPgTeam    *team,
                                        const char  *role);
gboolean    ls_pg_team_add_password_role (LsPgTeam  *team,
                                        const char  *role,
                                        const char  *password);
void        ls_pg_team_skip_without_server (void);
/* clang-format on */

G_END_DECLS
