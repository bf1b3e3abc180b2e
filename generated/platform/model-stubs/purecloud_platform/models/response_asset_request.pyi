from .response import ResponseAssetRequest as ResponseAssetRequest
