from .org import OrgUser as OrgUser
