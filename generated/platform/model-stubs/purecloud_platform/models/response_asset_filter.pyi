from .response import ResponseAssetFilter as ResponseAssetFilter
