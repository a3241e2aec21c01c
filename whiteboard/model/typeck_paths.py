"""Paths in value position: locals, functions, constants, constructors, variants and std items.

Each resolved path gets a `resolutions` entry (see `typeck.TypeInfo`) and a type. Anything callable (functions,
associated functions, tuple-struct and tuple-variant constructors, std functions) is typed as a function pointer
holding its instantiated signature, so a call checks its arguments the same way whatever it calls.
"""

from __future__ import annotations

from whiteboard.model import std_sigs
from whiteboard.model import syntax as ast
from whiteboard.model.syntax import Unsupported
from whiteboard.model.typeck_errors import error
from whiteboard.model.typeck_items import FnSig
from whiteboard.model.typeck_sigtext import parse_sig, parse_ty, substitute
from whiteboard.model.types import PRIMITIVES, Adt, Float, FnPtr, Int, Ref, Ty

_CRATE_ROOTS = ("std", "core", "alloc")


class PathChecks:
    def check_Path(self, path: ast.Path, expected: Ty | None, callee: bool = False) -> Ty:
        resolution, ty = self.resolve_value_path(path, callee)
        self.out.resolutions[path.id] = resolution
        return ty

    def resolve_value_path(self, path: ast.Path, callee: bool = False) -> tuple[tuple, Ty]:
        segments = list(path.segments)
        generics = list(path.generics) if path.generics else [()] * len(segments)
        from_root = segments[0] in _CRATE_ROOTS
        if from_root:
            del segments[0], generics[0]
        if segments[0] == "Self" and self.self_ty() is not None:
            segments[0] = self.self_ty().name
        if len(segments) == 1 and not from_root:
            return self._single(segments[0], generics[0], path, callee)
        if segments[0] in std_sigs.MODULES:
            return self._module_path(segments, generics, path, from_root)
        if from_root and segments[0] not in std_sigs.TYPES and segments[0] not in PRIMITIVES:
            raise Unsupported(f"the path `{'::'.join(path.segments)}`", path.span)
        if len(segments) != 2:
            raise Unsupported(f"the path `{'::'.join(path.segments)}`", path.span)
        return self._type_relative(segments[0], segments[1], generics, path, from_root)

    # ------------------------------------------------------------------------------------------ one segment

    def _single(self, name: str, generics: tuple[Ty, ...], path: ast.Path, callee: bool) -> tuple[tuple, Ty]:
        local = self.lookup_local(name)
        if local is not None:
            return ("local", local.id), local.ty
        items = self.items
        if name in items.fns:
            return ("fn", name), fn_ptr(items.fns[name])
        if name in items.consts:
            return self._const(name, path)
        if name in items.structs:
            return self._struct_ctor(name, path)
        imported = items.value_imports.get(name)
        if imported is not None and imported[0] == "variant":
            return self._variant(imported[1], imported[2], path)
        if imported is not None:
            return ("std", imported[1]), self.std_fn(imported[1], (), generics, path)
        if name in ("Some", "None"):
            return self._variant("Option", name, path)
        if name in std_sigs.PRELUDE_FNS:
            key = std_sigs.PRELUDE_FNS[name]
            return ("std", key), self.std_fn(key, (), generics, path)
        if name in ("Ok", "Err"):
            raise Unsupported("`Result` and its variants `Ok` and `Err`", path.span)
        what = "function" if callee else "value"
        raise error("E0425", f"cannot find {what} `{name}` in this scope", path.span, "not found in this scope")

    def _const(self, name: str, path: ast.Path) -> tuple[tuple, Ty]:
        const = self.items.consts[name]
        if const.is_static and const.mutable and not self.unsafe_depth:
            raise error(
                "E0133", "use of mutable static is unsafe and requires unsafe block", path.span, "use of mutable static"
            )
        return ("static" if const.is_static else "const", name), self.items.const_types[name]

    def _struct_ctor(self, name: str, path: ast.Path) -> tuple[tuple, Ty]:
        struct = self.items.structs[name]
        if struct.kind == "named":
            raise error("E0423", f"expected value, found struct `{name}`", path.span)
        ty = Adt(name)
        if struct.kind == "unit":
            return ("struct", name), ty
        return ("struct", name), FnPtr(tuple(t for _, t in self.items.fields[name]), ty)

    def _variant(self, enum: str, name: str, path: ast.Path) -> tuple[tuple, Ty]:
        if enum == "Option":
            payload = self.table.fresh()
            ty = Adt("Option", (payload,))
            return ("std", name), FnPtr((payload,), ty) if name == "Some" else ty
        variant = self.items.variant(enum, name)
        ty = Adt(enum)
        if variant.kind == "named":
            raise error("E0533", f"expected value, found struct variant `{enum}::{name}`", path.span, "not a value")
        if variant.kind == "unit":
            return ("variant", enum, name), ty
        fields = self.items.fields[f"{enum}::{name}"]
        return ("variant", enum, name), FnPtr(tuple(t for _, t in fields), ty)

    # ----------------------------------------------------------------------------------------- qualified paths

    def _module_path(self, segments: list[str], generics: list, path: ast.Path, from_root: bool) -> tuple[tuple, Ty]:
        module = segments[0]
        if not from_root and module not in self.items.modules:
            raise error(
                "E0433",
                f"cannot find module or crate `{module}` in this scope",
                path.span,
                f"use of unresolved module or unlinked crate `{module}`",
            )
        if len(segments) < 2 or segments[1] not in std_sigs.MODULES[module]:
            raise Unsupported(f"the path `{'::'.join(path.segments)}`", path.span)
        if segments[1][0].isupper():  # `std::rc::Rc::new`: a type inside the module
            if len(segments) != 3:
                raise Unsupported(f"the path `{'::'.join(path.segments)}`", path.span)
            return self._type_relative(segments[1], segments[2], generics[1:], path, from_root=True)
        if len(segments) != 2:
            raise Unsupported(f"the path `{'::'.join(path.segments)}`", path.span)
        key = f"{module}::{segments[1]}"
        return ("std", key), self.std_fn(key, (), generics[1], path)

    def _type_relative(
        self, type_name: str, name: str, generics: list, path: ast.Path, from_root: bool
    ) -> tuple[tuple, Ty]:
        items = self.items
        if type_name in items.enums or type_name in items.structs:
            return self._user_assoc(type_name, name, path)
        if type_name in PRIMITIVES:
            return self._primitive_const(PRIMITIVES[type_name], name, path)
        if type_name == "Rc" and not from_root and "Rc" not in items.type_imports:
            raise error("E0433", "cannot find type `Rc` in this scope", path.span, "use of undeclared type `Rc`")
        if type_name == "Option" and name in ("Some", "None"):
            return self._variant("Option", name, path)
        key = f"{type_name}::{name}"
        if key in std_sigs.ASSOC_FNS:
            return ("std", key), self.std_fn(key, generics[0], generics[1], path)
        if name == "default" and type_name in std_sigs.TYPES:
            given = tuple(self._given_type(t, path) for t in generics[0])
            args = given or tuple(self.table.fresh() for _ in std_sigs.TYPES[type_name])
            return ("std", "Default::default"), FnPtr((), Adt(type_name, args))
        if type_name in std_sigs.TYPES or type_name == "Default":
            raise Unsupported(f"`{type_name}::{name}`", path.span)
        raise error(
            "E0433", f"cannot find type `{type_name}` in this scope", path.span, f"use of undeclared type `{type_name}`"
        )

    def _user_assoc(self, type_name: str, name: str, path: ast.Path) -> tuple[tuple, Ty]:
        items = self.items
        methods = items.methods_by_type.get(type_name, {})
        if type_name in items.enums and items.variant(type_name, name) is not None:
            return self._variant(type_name, name, path)
        if name in methods:
            return ("method", type_name, name), fn_ptr(methods[name])
        if name == "default" and items.implements(type_name, "Default"):
            return ("std", "Default::default"), FnPtr((), Adt(type_name))
        kind = "enum" if type_name in items.enums else "struct"
        what = "variant or associated item" if kind == "enum" else "function or associated item"
        raise error(
            "E0599",
            f"no {what} named `{name}` found for {kind} `{type_name}` in the current scope",
            self.env.text.suffix(path.span, name),
            f"{what} not found in `{type_name}`",
        )

    def _primitive_const(self, ty: Ty, name: str, path: ast.Path) -> tuple[tuple, Ty]:
        table = std_sigs.INT_CONSTS if isinstance(ty, Int) else std_sigs.FLOAT_CONSTS if isinstance(ty, Float) else {}
        if name not in table:
            raise Unsupported(f"`{ty}::{name}`", path.span)
        return ("std", f"{ty}::{name}"), substitute(parse_ty(table[name]), {"Self": ty})

    # ---------------------------------------------------------------------------------------------- std items

    def std_fn(self, key: str, owner_args: tuple[Ty, ...], fn_args: tuple[Ty, ...], path: ast.Path) -> FnPtr:
        """Instantiate a std function's signature: turbofish types where given, fresh variables elsewhere."""
        sig = parse_sig(std_sigs.ASSOC_FNS[key])
        owner_params = std_sigs.TYPES.get(key.split("::")[0], ())
        mapping: dict[str, Ty] = {}
        for names, given in ((owner_params, owner_args), (sig.generics, fn_args)):
            if given and len(given) != len(names):
                raise error(
                    "E0107",
                    f"function takes {len(names)} generic argument but {len(given)} generic arguments were supplied",
                    path.span,
                )
            for i, name in enumerate(names):
                mapping[name] = self._given_type(given[i], path) if given else self.table.fresh()
        if key in std_sigs.BOUNDS:
            self.require(mapping["U"], std_sigs.BOUNDS[key], path.span)
        if sig.generics:
            self.out.generic_args[path.id] = tuple(mapping[name] for name in sig.generics)
        return FnPtr(tuple(substitute(p, mapping) for p in sig.params), substitute(sig.ret, mapping))

    def _given_type(self, ty: Ty, path: ast.Path) -> Ty:
        return self.env.lower(ty, path.span, self.self_ty())


def fn_ptr(sig: FnSig) -> FnPtr:
    """A function's type as a pointer; methods called through their path take the receiver first."""
    params = tuple(sig.params)
    if sig.self_param is not None:
        owner = Adt(sig.owner)
        receiver = {"ref": Ref(owner), "mut_ref": Ref(owner, True)}.get(sig.self_param, owner)
        params = (receiver, *params)
    return FnPtr(params, sig.ret)
