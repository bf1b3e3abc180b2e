from .uc import UCThirdPartyPresence as UCThirdPartyPresence
