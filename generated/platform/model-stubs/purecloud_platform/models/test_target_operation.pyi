from .test import TestTargetOperation as TestTargetOperation
