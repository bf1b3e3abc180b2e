from .sdk import SdkLibrary as SdkLibrary
