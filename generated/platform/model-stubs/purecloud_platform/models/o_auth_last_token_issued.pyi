from .o import OAuthLastTokenIssued as OAuthLastTokenIssued
