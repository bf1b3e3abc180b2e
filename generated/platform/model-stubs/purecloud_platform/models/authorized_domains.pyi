from .authorized import AuthorizedDomains as AuthorizedDomains
