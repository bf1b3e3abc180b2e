from .media import MediaPolicies as MediaPolicies
