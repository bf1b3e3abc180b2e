from .detected import DetectedDialogAct as DetectedDialogAct
