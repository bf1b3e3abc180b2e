from .unified import UnifiedGeneralTopic as UnifiedGeneralTopic
