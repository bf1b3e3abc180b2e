from .engine import EngineIntegration as EngineIntegration
