from .content import ContentFilterItem as ContentFilterItem
