from .org import OrgOAuthClient as OrgOAuthClient
