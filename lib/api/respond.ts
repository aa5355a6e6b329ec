import { NextResponse } from 'next/server';
import { ApiError } from './errors';

export function ok<T extends Record<string, unknown>>(body: T, init?: { status?: number; headers?: HeadersInit }) {
  return NextResponse.json({ success: true, ...body }, { status: init?.status ?? 200, headers: init?.headers });
}

export function errorResponse(error: ApiError): NextResponse {
  return NextResponse.json(
    {
      success: false,
      error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) },
    },
    { status: error.status, headers: error.headers },
  );
}
