from .response import ResponseAssetStatus as ResponseAssetStatus
