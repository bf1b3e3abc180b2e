from .test import TestModeEventResults as TestModeEventResults
