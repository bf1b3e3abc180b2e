from .paged import PagedNamespaceListing as PagedNamespaceListing
