from .rms import RmsAssetAddressableRef as RmsAssetAddressableRef
