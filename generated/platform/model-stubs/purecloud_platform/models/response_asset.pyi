from .response import ResponseAsset as ResponseAsset
