from .test import TestModeTrigger as TestModeTrigger
